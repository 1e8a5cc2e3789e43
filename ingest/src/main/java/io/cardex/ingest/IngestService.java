package io.cardex.ingest;

import io.cardex.ingest.cursor.CursorStore;
import io.cardex.ingest.git.CardRepository;
import io.cardex.ingest.git.LoggingProgressMonitor;
import io.cardex.ingest.publish.CardChangeTopicSetup;
import io.cardex.ingest.publish.ChangePublisher;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs ingest passes on a schedule until closed. A failed pass (remote unreachable, Kafka down)
 * is logged and simply tried again at the next poll: the cursor has not moved, so nothing is
 * skipped.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final IngestConfig config;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "cardex-ingest"));
    private ChangePublisher publisher;
    private CardRepository repository;
    private Ingestor ingestor;
    private String lastFailure;

    public IngestService(IngestConfig config) {
        this.config = config;
    }

    public void start() {
        long interval = config.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::poll, 0, interval, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            if (ingestor == null) {
                ingestor = openIngestor();
            }
            ingestor.ingestOnce();
            if (lastFailure != null) {
                log.info("ingest of {} works again", config.repositoryName());
                lastFailure = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            String failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!failure.equals(lastFailure)) {
                log.warn("ingest of {} failed, retrying every {} s: {}", config.repositoryName(),
                        config.pollInterval().toSeconds(), failure);
                lastFailure = failure;
            }
        }
    }

    private Ingestor openIngestor() throws Exception {
        CardChangeTopicSetup.ensureExists(config.bootstrapServers(), config.topic(), config.topicPartitions(),
                config.topicReplicationFactor());
        if (repository == null) {
            repository = CardRepository.open(config.source(), config.branch(), config.cloneDirectory(),
                    new LoggingProgressMonitor("clone of " + config.repositoryName()));
        }
        if (publisher == null) {
            publisher = new ChangePublisher(config.bootstrapServers(), config.topic());
        }
        return new Ingestor(config, repository, publisher, new CursorStore(config.cursorFile()));
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (publisher != null) {
            publisher.close();
        }
        if (repository != null) {
            repository.close();
        }
    }
}
