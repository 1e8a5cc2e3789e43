package io.cardex.benchmarks;

import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ParseBenchmark} and says whether parsing meets its target: at least 10,000 cards
 * per second on one core, with memory flat. Exits with status 1 when it does not.
 */
public final class ParseBenchmarkReport {

    static final double TARGET_CARDS_PER_SECOND = 10_000;
    /**
     * Growth of the live heap over the measurement that is still noise, not a leak: a leak of
     * about 15 bytes per card would pass it over the 150,000 cards or so of a measurement.
     */
    static final double FLAT_HEAP_TOLERANCE_MB = 2;

    private ParseBenchmarkReport() {
    }

    public static void main(String[] args) throws RunnerException {
        RunResult run = new Runner(new OptionsBuilder()
                .include(ParseBenchmark.class.getName() + ".parseAndValidate")
                // Listed first so that its full GC happens before GCProfiler opens the iteration's count.
                .addProfiler(LiveHeapProfiler.class)
                .addProfiler(GCProfiler.class)
                .build()).runSingle();
        System.exit(report(run) ? 0 : 1);
    }

    /** Prints the summary and tells whether the target is met. */
    private static boolean report(RunResult run) {
        Result<?> throughput = run.getPrimaryResult();
        // Met only when the whole 99.9% confidence interval clears the target, not just its middle.
        boolean fastEnough = throughput.getScore() - throughput.getScoreError() >= TARGET_CARDS_PER_SECOND;
        List<Double> liveHeap = run.getBenchmarkResults().stream()
                .flatMap(benchmark -> benchmark.getIterationResults().stream())
                .map(iteration -> iteration.getSecondaryResults().get(LiveHeapProfiler.LABEL).getScore())
                .toList();
        double first = liveHeap.get(0);
        double last = liveHeap.get(liveHeap.size() - 1);
        boolean flat = last - first <= FLAT_HEAP_TOLERANCE_MB;

        System.out.println();
        print("parse+validate: %,.0f ± %,.0f cards/s on one core = %.2fx the %,.0f cards/s target (%s)",
                throughput.getScore(), throughput.getScoreError(), throughput.getScore() / TARGET_CARDS_PER_SECOND,
                TARGET_CARDS_PER_SECOND, fastEnough ? "PASS" : "FAIL");
        print("allocated:      %,.0f bytes per card, %,.0f MB/s",
                run.getSecondaryResults().get("gc.alloc.rate.norm").getScore(),
                run.getSecondaryResults().get("gc.alloc.rate").getScore());
        print("live heap:      %.1f MB before the first measured iteration, %.1f MB before the last, %+.1f MB"
                + " in a %d MB heap (%s)", first, last, last - first, ParseBenchmark.HEAP_MB,
                flat ? "FLAT" : "GROWING");
        return fastEnough && flat;
    }

    private static void print(String format, Object... values) {
        System.out.println(String.format(Locale.ROOT, format, values));
    }
}
