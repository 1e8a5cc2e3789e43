package io.cardex.cli.pipeline;

import java.util.List;
import java.util.ArrayList;
import io.cardex.ingest.RepositoryIngest;
import io.cardex.ingest.IngestStatus;
import io.cardex.api.ApiConfig;
import io.cardex.api.ApiService;
import io.cardex.api.KafkaSettings;
import io.cardex.indexer.IndexerConfig;
import io.cardex.indexer.IndexerService;
import io.cardex.ingest.IngestService;
import io.cardex.ingest.IngestConfig;
import io.cardex.stack.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three cardex services in one process, wired to one Kafka and one Elasticsearch: ingest
 * publishes card changes, the indexer writes them to the index, the API searches it. Ingest's
 * {@code /metrics} serves the indexer's meters too.
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

    private final IndexerService indexer;
    private final ApiService api;
    private final IngestService ingest;

    private Pipeline(IndexerService indexer, ApiService api, IngestService ingest) {
        this.indexer = indexer;
        this.api = api;
        this.ingest = ingest;
    }

    public static Pipeline start(IngestConfig ingestConfig, IndexerConfig indexerConfig, ApiConfig apiConfig)
            throws StartupFailure {
        IngestService ingest = new IngestService(ingestConfig);
        IndexerService indexer = new IndexerService(indexerConfig, ingest.meterRegistry());
        indexer.start();
        // For the indexing lag in /stats: the API reads the offsets the indexer commits on its topic,
        // as its own Kafka user when it has one (a secured Kafka), else as the indexer does.
        ApiConfig withLag = apiConfig.kafka().isPresent() ? apiConfig : apiConfig.withKafka(
                new KafkaSettings(indexerConfig.kafka(), indexerConfig.topic(), indexerConfig.groupId()));
        ApiService api = new ApiService(withLag, () -> troubles(indexer, ingest));
        try {
            api.start();
        } catch (RuntimeException e) {
            closeQuietly(ingest);
            closeQuietly(indexer);
            throw new StartupFailure(e.getMessage() + ": choose another port with --api-port", e);
        }
        try {
            ingest.start();
        } catch (RuntimeException e) {
            closeQuietly(ingest);
            closeQuietly(api);
            closeQuietly(indexer);
            throw new StartupFailure(e.getMessage() + ": choose another port with --ingest-port", e);
        }
        return new Pipeline(indexer, api, ingest);
    }

    /** Whether the indexer still consumes: false once it stopped on an unexpected error, or was closed. */
    public boolean indexerRunning() {
        return indexer.isRunning();
    }

    /** What the API's {@code /ready} reports beside Elasticsearch and the index: the parts that stopped or keep failing. */
    private static List<String> troubles(IndexerService indexer, IngestService ingest) {
        List<String> troubles = new ArrayList<>();
        if (!indexer.isRunning()) {
            troubles.add("the indexer stopped: the index no longer follows the repositories");
        }
        for (RepositoryIngest repository : ingest.repositories()) {
            IngestStatus status = repository.status();
            if (status.isFailing()) {
                troubles.add("ingest of " + status.repository() + " keeps failing: " + status.lastError());
            }
        }
        return troubles;
    }

    public int apiPort() {
        return api.port();
    }

    /** The port of ingest's health, metrics and webhooks. */
    public int ingestPort() {
        return ingest.port();
    }

    /** Stops ingest first, so that nothing new arrives, then the API and the indexer. */
    @Override
    public void close() {
        closeQuietly(ingest);
        closeQuietly(api);
        closeQuietly(indexer);
    }

    private static void closeQuietly(AutoCloseable service) {
        try {
            service.close();
        } catch (Exception e) {
            log.warn("{} did not stop cleanly: {}", service.getClass().getSimpleName(), e.getMessage());
        }
    }
}
