package io.cardex.cardindex;

import io.cardex.card.Metric;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * A metric of a card's evaluation with a share in percent: cards write shares both ways,
 * {@code acc0.8} and {@code acc80}, and a sort by the metric must put the two together. Written
 * by the indexer beside the card, so that searches sort on it as it is.
 *
 * @param name    the metric's name, lower-cased as searches name it
 * @param percent the value in percent when it is a share written as a fraction (0 to 1); else as written
 */
public record MetricPercent(String name, double percent) {

    static MetricPercent of(Metric metric) {
        return new MetricPercent(metric.name().toLowerCase(Locale.ROOT), inPercent(metric.value()));
    }

    /** A share written as a fraction, 0 to 1, in percent; any other value as it is. Decimal, so 0.8 is 80, not 80.00000000000001. */
    public static double inPercent(double value) {
        return value >= 0 && value <= 1 ? BigDecimal.valueOf(value).movePointRight(2).doubleValue() : value;
    }
}
