package io.cardex.benchmarks.pipeline;

import io.cardex.cardindex.CardIndexVersions;
import io.cardex.benchmarks.index.PlainBulkLoad;
import io.cardex.benchmarks.ingest.GeneratedRepository;
import io.cardex.benchmarks.pipeline.Milestones.Milestone;
import io.cardex.card.event.UnreadableEventException;
import io.cardex.indexer.index.CardIndex;
import io.cardex.cardindex.CardIndexNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The two ways of making cards searchable that the report compares, each timed from its start
 * until a count on its index's alias finds every card: the pipeline taking its first snapshot of
 * a repository, and the same documents sent straight to {@code _bulk}. Both are watched alike,
 * every 50 ms, and neither forces a refresh: cards become searchable when the index's own refresh
 * (every second) shows them, as they do for a user.
 */
final class SearchableRuns {

    static final String SEARCHABLE = "searchable";

    private final String bootstrapServers;
    private final SearchableCards elasticsearch;
    private final Path workDirectory;
    private int runs;

    /**
     * @param name       what was measured
     * @param milestones what the run reached on the way, and when; the last is {@link #SEARCHABLE}
     */
    record Run(String name, int cards, List<Milestones.Reached> milestones) {

        double seconds() {
            return milestones.get(milestones.size() - 1).seconds();
        }

        double cardsPerSecond() {
            return cards / seconds();
        }
    }

    SearchableRuns(String bootstrapServers, SearchableCards elasticsearch, Path workDirectory) {
        this.bootstrapServers = bootstrapServers;
        this.elasticsearch = elasticsearch;
        this.workDirectory = workDirectory;
    }

    /** A pipeline of its own for the repository, its indexer started, its ingest not yet. */
    RunningPipeline pipeline(GeneratedRepository repository) throws IOException {
        runs++;
        return new RunningPipeline("pipeline-" + runs, repository, bootstrapServers, elasticsearch,
                Files.createDirectories(workDirectory.resolve("ingest-" + runs)));
    }

    /** Starts the pipeline's ingest and returns once every card of the snapshot is searchable. */
    Run snapshot(RunningPipeline pipeline, int cards) throws Exception {
        long started = System.nanoTime();
        pipeline.startIngest();
        Run run = new Run("pipeline", cards, Milestones.watch(started, List.of(
                new Milestone("published by ingest", pipeline::snapshotPublished),
                new Milestone("done by the indexer", () -> pipeline.changesIndexed() >= cards),
                new Milestone(SEARCHABLE, () -> pipeline.searchableCards() >= cards))));
        requireExactly(cards, pipeline.searchableCards(), pipeline.index());
        return run;
    }

    /** The documents the pipeline's indexer wrote, built again from its topic (untimed), for the plain load. */
    PlainBulkLoad documentsOf(RunningPipeline pipeline, int cards) throws UnreadableEventException {
        return PlainBulkLoad.read(bootstrapServers, pipeline.topic(), cards);
    }

    /** Sends the documents to a fresh index made from the same template, and returns once all are searchable. */
    Run plainBulk(PlainBulkLoad load) throws Exception {
        runs++;
        CardIndexNames names = new CardIndexNames("bulk-" + runs);
        CardIndex index = new CardIndex(elasticsearch.client(), names);
        new CardIndexVersions(elasticsearch.client(), names).ensureExists();
        try {
            long started = System.nanoTime();
            CompletableFuture<Void> sending = load.sendTo(index);
            Run run = new Run("_bulk", load.size(), Milestones.watch(started, List.of(
                    new Milestone("acknowledged", () -> answered(sending)),
                    new Milestone(SEARCHABLE, () -> elasticsearch.count(names) >= load.size()))));
            requireExactly(load.size(), elasticsearch.count(names), names);
            return run;
        } finally {
            elasticsearch.drop(names);
        }
    }

    /** Whether Elasticsearch answered every request; a refused document ends the run. */
    private static boolean answered(CompletableFuture<Void> sending) {
        if (sending.isDone()) {
            sending.join();
            return true;
        }
        return false;
    }

    /** Every card searchable, and no more: an index holding more cards than it was given is a defect of the run. */
    private static void requireExactly(int cards, long searchable, CardIndexNames index) {
        if (searchable != cards) {
            throw new IllegalStateException(index.alias() + " holds " + searchable + " cards, expected " + cards);
        }
    }
}
