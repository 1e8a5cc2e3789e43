package io.cardex.benchmarks.pipeline;

import io.cardex.indexer.IndexerConfig;
import io.cardex.indexer.reindex.Reindexer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;

/**
 * A {@code cardex reindex} of a running pipeline's index, timed: a new version built from the
 * topic while the indexer goes on writing, the alias moved to it, then what arrived meanwhile.
 *
 * @param records the records replayed from the topic, both passes
 * @param seconds from the start to the last record of the second pass written
 */
record ReindexRun(long records, double seconds) {

    double recordsPerSecond() {
        return records / seconds;
    }

    /** Starts the reindex on a thread of its own, reading the settings the pipeline's indexer reads. */
    static CompletableFuture<ReindexRun> start(IndexerConfig config) {
        return CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            try {
                Reindexer.Result result = new Reindexer(config).run();
                return new ReindexRun(result.records(), (System.nanoTime() - started) / 1e9);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, task -> new Thread(task, "benchmark-reindex").start());
    }
}
