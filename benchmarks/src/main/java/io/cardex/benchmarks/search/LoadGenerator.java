package io.cardex.benchmarks.search;

import io.cardex.benchmarks.Distribution;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Starts requests at a fixed rate, whatever the answers' pace (an open loop): a slow answer does
 * not delay the next request, so queueing shows in the latencies instead of hiding in a lower
 * rate. A latency runs from the moment the request was due, not from when it was sent.
 */
final class LoadGenerator {

    /** What a run measured: latencies in milliseconds, and the requests that failed. */
    record Result(List<Double> latenciesMs, int failures) {

        double percentile(double fraction) {
            return Distribution.of(latenciesMs).percentile(fraction);
        }
    }

    /**
     * @param requests starts the i-th request and completes with whether it succeeded; called on
     *                 this thread, so it must only start the work
     */
    Result run(int ratePerSecond, Duration duration, IntFunction<CompletableFuture<Boolean>> requests) {
        long interval = 1_000_000_000L / ratePerSecond;
        int count = (int) (duration.toNanos() / interval);
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        List<CompletableFuture<?>> answers = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            answers.add(requests.apply(i).whenComplete((succeeded, error) -> {
                latencies.add((System.nanoTime() - due) / 1e6);
                if (error != null || !succeeded) {
                    failures.incrementAndGet();
                }
            }));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return new Result(List.copyOf(latencies), failures.get());
    }
}
