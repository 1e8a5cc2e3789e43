package io.cardex.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.ScalarResult;

/**
 * JMH profiler of the heap a benchmark keeps: the heap in use after a full GC just before each
 * iteration. Flat from one iteration to the next means the benchmarked code retains nothing.
 */
public final class LiveHeapProfiler implements InternalProfiler {

    static final String LABEL = "heap.live";
    private static final double BYTES_PER_MB = 1024.0 * 1024.0;

    private double liveMegabytes;

    @Override
    public String getDescription() {
        return "heap in use after a full GC just before each iteration";
    }

    /**
     * Measured before the iteration rather than after it, because JMH lets go of the benchmark's
     * state at the end of the last iteration. The iteration's timed window is not open yet, so the
     * collection does not count against the score.
     */
    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        System.gc();
        liveMegabytes = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / BYTES_PER_MB;
    }

    @Override
    public List<ScalarResult> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                             IterationResult result) {
        return List.of(new ScalarResult(LABEL, liveMegabytes, "MB", AggregationPolicy.MAX));
    }
}
