package io.cardex.benchmarks.ingest;

import io.cardex.benchmarks.BenchmarkStack;
import io.cardex.benchmarks.Distribution;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import static io.cardex.benchmarks.Terminal.deleteTree;
import static io.cardex.benchmarks.Terminal.say;

/**
 * Measures the two targets of the ingest service against a real Kafka and says whether they
 * are met: a first snapshot of 10,000 cards published in under 10 s with memory flat in the
 * number of cards, and a webhook's events acknowledged within 1 s at the 99th percentile.
 * Exits with status 1 when a target is missed. Run it with {@code -Dcardex.home=<checkout>}.
 */
public final class IngestBenchmarkReport {

    static final int SNAPSHOT_CARDS = 10_000;
    static final double SNAPSHOT_TARGET_SECONDS = 10;
    static final int TIMED_RUNS = 3;
    /** The smaller repository: snapshotted twice to warm the JIT up, then to compare heaps with. */
    static final int SMALL_CARDS = 2_500;
    static final int WARM_UP_RUNS = 2;
    /**
     * How much more live heap the 10,000-card snapshot may use than the 2,500-card one and still
     * count as flat: the producer's {@code buffer.memory} (Kafka's default, 32 MB). A large
     * snapshot sends faster than the broker acknowledges and fills that buffer, a small one cannot,
     * and the producer keeps the buffers it pooled; it is bounded by configuration, not by cards.
     * Memory kept per card, e.g. every event until the end, would pass it (7,500 events of several
     * KB each are tens of MB).
     */
    static final double FLAT_HEAP_ALLOWANCE_MB = 32;
    static final int WEBHOOK_WARM_UPS = 10;
    static final int WEBHOOK_PUSHES = 200;
    static final double WEBHOOK_TARGET_P99_MS = 1_000;
    private static final long SEED = 20_240_601L;

    private IngestBenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkStack.runAndExit("ingest", (stack, scratch) -> run(stack.kafkaBootstrapServers(), scratch));
    }

    private static boolean run(String bootstrapServers, Path scratch) throws Exception {
        say("writing the card repositories (seed %d)...", SEED);
        CardRepositoryGenerator generator = new CardRepositoryGenerator(SEED, System.out);
        GeneratedRepository small = generator.write(scratch.resolve("cards-small"), SMALL_CARDS);
        GeneratedRepository large = generator.write(scratch.resolve("cards-large"), SNAPSHOT_CARDS);

        SnapshotBenchmark snapshots = new SnapshotBenchmark(bootstrapServers, scratch.resolve("ingest"));
        for (int i = 1; i <= WARM_UP_RUNS; i++) {
            say("warm-up snapshot %d of %d, %,d cards...", i, WARM_UP_RUNS, SMALL_CARDS);
            report(snapshots.timed(small));
        }
        List<Double> seconds = new ArrayList<>();
        for (int i = 1; i <= TIMED_RUNS; i++) {
            say("timed snapshot %d of %d, %,d cards...", i, TIMED_RUNS, SNAPSHOT_CARDS);
            seconds.add(report(snapshots.timed(large)).seconds());
        }
        say("heap-sampled snapshots of %,d and %,d cards...", SMALL_CARDS, SNAPSHOT_CARDS);
        SnapshotBenchmark.Run smallHeap = report(snapshots.heapSampled(small));
        SnapshotBenchmark.Run largeHeap = report(snapshots.heapSampled(large));

        say("webhook pushes to the %,d-card repository: %d warm-up, %d measured...", SNAPSHOT_CARDS,
                WEBHOOK_WARM_UPS, WEBHOOK_PUSHES);
        List<Double> latencies = new WebhookBenchmark(bootstrapServers, scratch.resolve("ingest"), System.out)
                .measure(large, WEBHOOK_WARM_UPS, WEBHOOK_PUSHES);

        return summarize(seconds, smallHeap, largeHeap, latencies);
    }

    private static boolean summarize(List<Double> seconds, SnapshotBenchmark.Run smallHeap,
                                     SnapshotBenchmark.Run largeHeap, List<Double> latencies) {
        List<Double> sortedSeconds = seconds.stream().sorted().toList();
        double median = sortedSeconds.get(sortedSeconds.size() / 2);
        double best = sortedSeconds.get(0);
        boolean fastEnough = median < SNAPSHOT_TARGET_SECONDS;
        double heapRatio = largeHeap.peakHeapMb() / smallHeap.peakHeapMb();
        double heapGrowth = largeHeap.peakHeapMb() - smallHeap.peakHeapMb();
        boolean flat = heapGrowth <= FLAT_HEAP_ALLOWANCE_MB;
        Distribution pushes = Distribution.of(latencies);
        double p99 = pushes.percentile(0.99);
        boolean prompt = p99 < WEBHOOK_TARGET_P99_MS;

        System.out.println();
        say("snapshot of %,d cards: %.2f s (median of %d; best %.2f s) = %s the %.0f s target (%s)",
                SNAPSHOT_CARDS, median, TIMED_RUNS, best, ratio(SNAPSHOT_TARGET_SECONDS, median, "faster than", "slower than"),
                SNAPSHOT_TARGET_SECONDS, fastEnough ? "PASS" : "FAIL");
        say("                        %,.0f cards/s; runs: %s", SNAPSHOT_CARDS / median, seconds.stream()
                .map(s -> String.format(Locale.ROOT, "%.2f s", s)).toList());
        say("memory: peak live heap, %,d cards / %,d cards = %.1f MB / %.1f MB = %.2f, %+.1f MB (%s: at most %+.0f MB)",
                SNAPSHOT_CARDS, SMALL_CARDS, largeHeap.peakHeapMb(), smallHeap.peakHeapMb(), heapRatio, heapGrowth,
                flat ? "FLAT" : "GROWING", FLAT_HEAP_ALLOWANCE_MB);
        say("webhook -> acknowledged: p99 %.0f ms = %s the %.0f ms target (%s)", p99,
                ratio(WEBHOOK_TARGET_P99_MS, p99, "under", "over"), WEBHOOK_TARGET_P99_MS, prompt ? "PASS" : "FAIL");
        say("                        %d pushes: p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms",
                pushes.count(), pushes.percentile(0.50), pushes.percentile(0.90), p99, pushes.max());
        return fastEnough && flat && prompt;
    }

    /** "2.4x faster than" when the measure is under the target, "1.3x slower than" when over. */
    private static String ratio(double target, double measured, String better, String worse) {
        return measured <= target
                ? String.format(Locale.ROOT, "%.1fx %s", target / measured, better)
                : String.format(Locale.ROOT, "%.1fx %s", measured / target, worse);
    }

    private static SnapshotBenchmark.Run report(SnapshotBenchmark.Run run) {
        if (run.peakHeapMb() > 0) {
            say("  %,d cards in %.2f s (heap sampled); live heap %.1f MB before, peak %.1f MB during", run.cards(),
                    run.seconds(), run.heapBeforeMb(), run.peakHeapMb());
        } else {
            say("  %,d cards in %.2f s = %,.0f cards/s", run.cards(), run.seconds(), run.cards() / run.seconds());
        }
        return run;
    }
}
