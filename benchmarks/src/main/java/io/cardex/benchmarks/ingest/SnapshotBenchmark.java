package io.cardex.benchmarks.ingest;

import io.cardex.benchmarks.LiveHeap;
import io.cardex.benchmarks.ProcessCpu;
import io.cardex.topics.KafkaConnection;
import io.cardex.card.CardRules;
import io.cardex.ingest.RepositoryConfig;
import io.cardex.ingest.IngestPass;
import io.cardex.ingest.Ingestor;
import io.cardex.ingest.PassProgress;
import io.cardex.ingest.cursor.CursorStore;
import io.cardex.ingest.git.CardRepository;
import io.cardex.ingest.git.LoggingProgressMonitor;
import io.cardex.topics.CardChangeTopic;
import io.cardex.ingest.publish.ChangePublisher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A first snapshot of a card repository, as ingest makes it: every card read from git, parsed
 * and published to a fresh topic, until Kafka has acknowledged them all ({@link Ingestor#ingestOnce()}
 * returns). Each run has its own topic and cursor, so each is a first snapshot.
 */
public final class SnapshotBenchmark {

    static final int TOPIC_PARTITIONS = CardChangeTopic.DEFAULT_PARTITIONS;
    /** How often the heap sampler forces a full GC and reads what is left. */
    private static final Duration HEAP_SAMPLE_INTERVAL = Duration.ofMillis(100);

    private final String bootstrapServers;
    private final Path workDirectory;
    private int runs;

    public SnapshotBenchmark(String bootstrapServers, Path workDirectory) {
        this.bootstrapServers = bootstrapServers;
        this.workDirectory = workDirectory;
    }

    /**
     * The result of one snapshot.
     *
     * @param topic         where the pass published the cards
     * @param seconds       wall time of the pass, from its start to the last acknowledgement
     * @param heapBeforeMb  heap left in use by a full GC, before the pass; 0 when the heap was not sampled
     * @param peakHeapMb    the most heap left in use by any of the full GCs forced during the pass;
     *                      0 when the heap was not sampled
     * @param cpuSeconds    CPU time this JVM used during the pass, all its threads (Kafka's broker not
     *                      counted): less disturbed by other work on the machine than the wall time
     */
    public record Run(String topic, int cards, double seconds, double heapBeforeMb, double peakHeapMb,
                      double cpuSeconds) {
    }

    /** A snapshot timed alone: nothing else runs in this JVM meanwhile. */
    public Run timed(GeneratedRepository repository) throws Exception {
        return run(repository, false);
    }

    /**
     * A snapshot during which a sampler thread forces a full GC every 100 ms and keeps the
     * largest heap left in use: the peak of live memory, at the cost of a slower pass.
     */
    Run heapSampled(GeneratedRepository repository) throws Exception {
        return run(repository, true);
    }

    private Run run(GeneratedRepository repository, boolean sampleHeap) throws Exception {
        runs++;
        Path work = Files.createDirectories(workDirectory.resolve("snapshot-" + runs));
        String topic = "benchmark-snapshot-" + runs + "-" + System.nanoTime();
        RepositoryConfig config = repository.ingestConfig(work, bootstrapServers, topic);
        CardChangeTopic.ensureExists(KafkaConnection.open(bootstrapServers), topic, TOPIC_PARTITIONS, (short) 1, CardRules.DEFAULT_MAX_FILE_BYTES);
        try (CardRepository cards = CardRepository.open(config.source(), Optional.empty(), config.cloneDirectory(),
                     new LoggingProgressMonitor("benchmark"));
             ChangePublisher publisher = new ChangePublisher(KafkaConnection.open(bootstrapServers), topic, CardRules.DEFAULT_MAX_FILE_BYTES)) {
            Ingestor ingestor = new Ingestor(config, cards, publisher, new CursorStore(config.cursorFile()),
                    new PassProgress());
            // Only a sampled pass is preceded by a full GC: after one G1 gives most of its heap back,
            // and a timed pass grew it again, 0.4 to 1.0 CPU-s per 10,000 cards of page faults in the
            // readers (0 to 0.4 without), which a running service, never collected so, does not pay.
            double heapBefore = sampleHeap ? liveHeapMb() : 0;
            HeapSampler sampler = sampleHeap ? HeapSampler.start() : null;
            long started = System.nanoTime();
            Duration cpuBefore = ProcessCpu.thisJvm().used();
            IngestPass pass;
            try {
                pass = ingestor.ingestOnce();
            } finally {
                if (sampler != null) {
                    sampler.stop();
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = ProcessCpu.thisJvm().used().minus(cpuBefore).toNanos() / 1e9;
            if (pass.upserts() != repository.cards()) {
                throw new IllegalStateException("the snapshot published " + pass.upserts() + " cards, not "
                        + repository.cards());
            }
            return new Run(topic, repository.cards(), seconds, heapBefore, sampler == null ? 0 : sampler.peakMb(),
                    cpuSeconds);
        }
    }

    public static double liveHeapMb() throws InterruptedException {
        return LiveHeap.afterFullCollection() / 1e6;
    }

    /** Forces a full GC at intervals on its own thread and keeps the largest heap it left in use. */
    private static final class HeapSampler implements Runnable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong peakBytes = new AtomicLong();
        private final Thread thread = new Thread(this, "heap-sampler");

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            sampler.thread.setDaemon(true);
            sampler.thread.start();
            return sampler;
        }

        @Override
        public void run() {
            while (running.get()) {
                try {
                    peakBytes.accumulateAndGet(LiveHeap.afterFullCollection(), Math::max);
                    Thread.sleep(HEAP_SAMPLE_INTERVAL.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.interrupt();
            thread.join();
        }

        double peakMb() {
            return peakBytes.get() / 1e6;
        }
    }
}
