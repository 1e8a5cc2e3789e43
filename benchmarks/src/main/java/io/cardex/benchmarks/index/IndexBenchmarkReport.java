package io.cardex.benchmarks.index;

import io.cardex.benchmarks.BenchmarkStack;
import io.cardex.benchmarks.Distribution;
import io.cardex.benchmarks.ingest.CardRepositoryGenerator;
import io.cardex.benchmarks.ingest.GeneratedRepository;
import io.cardex.benchmarks.ingest.SnapshotBenchmark;
import io.cardex.indexer.BulkSettings;
import io.cardex.stack.EmbeddedStack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import static io.cardex.benchmarks.Terminal.deleteTree;
import static io.cardex.benchmarks.Terminal.say;

/**
 * Measures the indexer's throughput (Kafka -> Elasticsearch, asset verification off) against a
 * plain {@code _bulk} load of the same documents into the same Elasticsearch, side by side in
 * one run, and says whether it reaches the target of 60%. Exits with status 1 when it does not.
 * Run it with {@code -Dcardex.home=<checkout>}.
 */
public final class IndexBenchmarkReport {

    static final int CARDS = 10_000;
    static final int ROUNDS = 3;
    public static final double TARGET_RATIO = 0.60;
    private static final long SEED = 20_240_601L;

    private IndexBenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkStack.runAndExit("index", IndexBenchmarkReport::run);
    }

    private static boolean run(EmbeddedStack stack, Path scratch) throws Exception {
        say("writing a card repository of %,d cards (seed %d) and publishing it to Kafka...", CARDS, SEED);
        GeneratedRepository repository = new CardRepositoryGenerator(SEED, System.out).write(scratch.resolve("cards"), CARDS);
        String topic = new SnapshotBenchmark(stack.kafkaBootstrapServers(), scratch.resolve("ingest"))
                .timed(repository).topic();
        IndexRuns runs = new IndexRuns(stack.kafkaBootstrapServers(), stack.elasticsearchUrl(), topic, CARDS);
        say("reading the %,d change events back to build the documents of the plain _bulk load...", CARDS);
        runs.loadDocuments();

        say("warm-up: one round of each, not counted");
        report(runs.plainBulk());
        report(runs.indexer());
        List<IndexRuns.Run> bulk = new ArrayList<>();
        List<IndexRuns.Run> indexer = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            say("round %d of %d", round, ROUNDS);
            bulk.add(report(runs.plainBulk()));
            indexer.add(report(runs.indexer()));
        }
        return summarize(bulk, indexer);
    }

    private static boolean summarize(List<IndexRuns.Run> bulk, List<IndexRuns.Run> indexer) {
        double bulkRate = Distribution.of(bulk.stream().map(IndexRuns.Run::cardsPerSecond).toList()).median();
        double indexerRate = Distribution.of(indexer.stream().map(IndexRuns.Run::cardsPerSecond).toList()).median();
        double withStart = Distribution.of(indexer.stream().map(IndexRuns.Run::cardsPerSecondWithStart).toList())
                .median();
        double ratio = indexerRate / bulkRate;
        boolean met = ratio >= TARGET_RATIO;
        System.out.println();
        say("plain _bulk load of %,d documents:      %,8.0f cards/s (median of %d; %,d per request, %d at once)",
                CARDS, bulkRate, ROUNDS, BulkSettings.DEFAULT.maxOperations(), BulkSettings.DEFAULT.maxConcurrentRequests());
        say("indexer, Kafka -> Elasticsearch:        %,8.0f cards/s (median of %d; %,.0f cards/s counting its start-up)",
                indexerRate, ROUNDS, withStart);
        say("indexer / plain _bulk = %.2f, target %.2f (%s)", ratio, TARGET_RATIO, met ? "PASS" : "FAIL");
        return met;
    }

    private static IndexRuns.Run report(IndexRuns.Run run) {
        say("  %-10s %,d cards in %.2f s = %,.0f cards/s", run.name(), run.cards(), run.seconds(), run.cardsPerSecond());
        return run;
    }
}
