package io.cardex.benchmarks;

import java.util.Collection;
import java.util.List;

/** Measurements in ascending order, read as the reports print them: nearest-rank percentiles, median, maximum. */
public record Distribution(List<Double> sorted) {

    public Distribution {
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("a distribution needs at least one measurement");
        }
        sorted = sorted.stream().sorted().toList();
    }

    public static Distribution of(Collection<Double> measurements) {
        return new Distribution(List.copyOf(measurements));
    }

    /**
     * The nearest-rank percentile: the smallest measurement that at least {@code fraction} of
     * them do not exceed. Always one of the measurements, never an interpolation.
     */
    public double percentile(double fraction) {
        if (fraction <= 0 || fraction > 1) {
            throw new IllegalArgumentException("a percentile is a fraction in (0, 1], not " + fraction);
        }
        int rank = (int) Math.ceil(fraction * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    public double median() {
        return percentile(0.5);
    }

    public double max() {
        return sorted.get(sorted.size() - 1);
    }

    public int count() {
        return sorted.size();
    }
}
