package io.cardex.benchmarks.pipeline;

import io.cardex.topics.KafkaConnection;
import io.cardex.benchmarks.index.IndexerMeters;
import io.cardex.benchmarks.ingest.GeneratedRepository;
import io.cardex.benchmarks.ingest.GitHubPushes;
import io.cardex.indexer.IndexerConfig;
import io.cardex.indexer.IndexerService;
import io.cardex.indexer.BulkSettings;
import io.cardex.ingest.IngestService;
import io.cardex.cardindex.CardIndexNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Ingest and the indexer of one card repository, made and started as {@code cardex up} makes them
 * (the runtime's {@code Pipeline}): ingest as deployed, with its HTTP server and a GitHub webhook
 * secret, and an indexer whose meters go to ingest's registry, started first. Each pipeline has a
 * topic, a cursor, a consumer group and an index of its own, so ingest's first pass is a snapshot
 * of the whole repository into an empty index; the index is deleted when the pipeline closes.
 */
final class RunningPipeline implements AutoCloseable {

    private final GeneratedRepository repository;
    private final SearchableCards elasticsearch;
    private final CardIndexNames index;
    private final String topic;
    private final IngestService ingest;
    private final IndexerConfig indexerConfig;
    private final IndexerService indexer;

    /**
     * Starts the indexer, which prepares its index and waits for ingest to create the topic;
     * ingest waits for {@link #startIngest()}.
     *
     * @param name       names the topic, the consumer group and the index
     * @param ingestWork an empty directory for ingest's cursor
     */
    RunningPipeline(String name, GeneratedRepository repository, String bootstrapServers, SearchableCards elasticsearch,
                    Path ingestWork) {
        this.repository = repository;
        this.elasticsearch = elasticsearch;
        this.index = new CardIndexNames(name);
        this.topic = "benchmark-" + name;
        this.ingest = new IngestService(
                GitHubPushes.ingestConfig(repository.ingestConfig(ingestWork, bootstrapServers, topic)));
        this.indexerConfig = new IndexerConfig(KafkaConnection.open(bootstrapServers), topic, "benchmark-indexer-" + name,
                elasticsearch.url(), index, BulkSettings.DEFAULT, Optional.empty());
        this.indexer = new IndexerService(indexerConfig, ingest.meterRegistry());
        indexer.start();
    }

    /** Starts ingest: its HTTP server, then at once its first pass, the snapshot of the repository. */
    void startIngest() {
        ingest.start();
    }

    /** Whether Kafka has acknowledged every change of the snapshot and ingest moved its cursor. */
    boolean snapshotPublished() {
        return repository.head().equals(ingest.repositories().get(0).status().lastPublishedHead());
    }

    /** Changes the indexer is done with: acknowledged by Elasticsearch, or found stale or dead-lettered. */
    double changesIndexed() {
        return IndexerMeters.changesDone(ingest.meterRegistry());
    }

    /** The cards a search of the index finds now. */
    long searchableCards() throws IOException {
        return elasticsearch.count(index);
    }

    /** The port of ingest's webhooks. */
    int ingestPort() {
        return ingest.port();
    }

    CardIndexNames index() {
        return index;
    }

    /** The indexer's settings, which a reindex of its index reads too, as {@code cardex reindex} does. */
    IndexerConfig indexerConfig() {
        return indexerConfig;
    }

    /** Where ingest publishes the repository's changes. */
    String topic() {
        return topic;
    }

    /** Stops ingest first, so that nothing new arrives, then the indexer, as the runtime does; deletes the index's versions. */
    @Override
    public void close() throws IOException {
        ingest.close();
        indexer.close();
        elasticsearch.drop(index);
    }
}
