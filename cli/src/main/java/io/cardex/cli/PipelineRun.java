package io.cardex.cli;

import io.cardex.api.ApiConfig;
import io.cardex.topics.CardChangeTopic;
import io.cardex.topics.DeadLetterTopic;
import io.cardex.topics.KafkaConnection;
import io.cardex.access.DeploymentNames;
import io.cardex.api.KafkaSettings;
import io.cardex.indexer.AssetVerification;
import io.cardex.indexer.IndexerConfig;
import io.cardex.indexer.BulkSettings;
import io.cardex.ingest.IngestConfig;
import io.cardex.ingest.RepositoryConfig;
import io.cardex.cli.pipeline.Pipeline;
import io.cardex.stack.EmbeddedStack;
import io.cardex.stack.Installation;
import io.cardex.stack.Ports;
import io.cardex.stack.StackConfig;
import io.cardex.stack.StartupFailure;
import io.cardex.cardindex.CardIndexNames;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole pipeline on the embedded stack until the process is told to stop (Ctrl-C,
 * SIGTERM), then stops everything it started, in reverse order. Whatever fails during start-up
 * also stops what had already started.
 */
final class PipelineRun {

    private static final Logger log = LoggerFactory.getLogger(PipelineRun.class);

    /** What a command does once everything runs, e.g. wait for the first cards and print how to use them. */
    interface OnReady {
        void run(EmbeddedStack stack, Pipeline pipeline) throws StartupFailure;
    }

    /** The repositories to ingest, which depend on the command; the stack decides the rest. */
    interface IngestSettings {
        List<RepositoryConfig> toConfigs(KafkaConnection kafka, Path workDirectory, String topic, int partitions);
    }

    /** How often the parts that can die on their own are looked at. */
    private static final Duration WATCH_EVERY = Duration.ofSeconds(1);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private boolean secured;
    private Optional<SecuredUsers> users = Optional.empty();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean stopping;

    /**
     * Runs Kafka with SASL/SCRAM and its authorizer on, and Elasticsearch with security on over
     * HTTPS, each service logging in as its own user of access.yaml, allowed only what it needs.
     */
    PipelineRun secured(boolean secured) {
        this.secured = secured;
        return this;
    }

    /** The users the services log in as once {@link #run} has started a {@linkplain #secured secured} stack. */
    Optional<SecuredUsers> users() {
        return users;
    }

    /**
     * @param verification how the indexer checks the cards' assets; empty not to download them
     */
    int run(StackOptions options, String command, IngestSettings ingest, Optional<AssetVerification> verification,
            OnReady onReady) throws StartupFailure {
        StackConfig stackConfig = options.stackConfig(command);
        CardIndexNames index = new CardIndexNames(CardIndexNames.DEFAULT_ALIAS);
        if (secured) {
            users = Optional.of(SecuredUsers.of(stackConfig.dataDirectory(), new DeploymentNames(index.alias(),
                    CardChangeTopic.DEFAULT_NAME, DeadLetterTopic.of(CardChangeTopic.DEFAULT_NAME),
                    CardChangeTopic.DEFAULT_INDEXER_GROUP)));
            stackConfig = users.get().secure(stackConfig);
        }
        Pipeline pipeline;
        Path logFile = LogFile.attach(stackConfig.dataDirectory());
        log.info("data in {}, details logged to {}", stackConfig.dataDirectory(), logFile);
        Thread shutdown = new Thread(this::stop, "cardex-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        try {
            Ports.requireFree(options.apiPort, "cardex API", "--api-port");
            Ports.requireFree(options.ingestPort, "cardex ingest", "--ingest-port");
            EmbeddedStack stack = track(new EmbeddedStack(stackConfig, Installation.current()));
            stack.start();
            String kafka = stack.kafkaBootstrapServers();
            URI elasticsearch = stack.elasticsearchUrl();
            if (users.isPresent()) {
                users.get().grant(stack.kafkaSuperUser());
            }
            // Ingest never reaches Elasticsearch: it has no user there.
            KafkaConnection ingestKafka = users.map(u -> u.kafkaAs("cardex_ingest", kafka))
                    .orElse(KafkaConnection.open(kafka));
            KafkaConnection indexerKafka = users.map(u -> u.kafkaAs("cardex_indexer", kafka))
                    .orElse(KafkaConnection.open(kafka));
            URI indexerElasticsearch = users.map(u -> u.elasticsearchAs("cardex", elasticsearch)).orElse(elasticsearch);
            URI apiElasticsearch = users.map(u -> u.elasticsearchAs("cardex_api", elasticsearch)).orElse(elasticsearch);
            ApiConfig apiConfig = new ApiConfig(options.apiHost, options.apiPort, apiElasticsearch, index)
                    .withCorsOrigins(options.corsOrigins()).withElasticsearchCa(stack.elasticsearchCa());
            if (users.isPresent()) {
                apiConfig = apiConfig.withKafka(new KafkaSettings(users.get().kafkaAs("cardex_api", kafka),
                        CardChangeTopic.DEFAULT_NAME, CardChangeTopic.DEFAULT_INDEXER_GROUP));
            }
            pipeline = track(Pipeline.start(
                    new IngestConfig(ingest.toConfigs(ingestKafka,
                            stackConfig.dataDirectory().resolve("ingest"), CardChangeTopic.DEFAULT_NAME,
                            CardChangeTopic.DEFAULT_PARTITIONS),
                            options.apiHost, options.ingestPort, WebhookSecrets.fromEnvironment()),
                    new IndexerConfig(indexerKafka, CardChangeTopic.DEFAULT_NAME, CardChangeTopic.DEFAULT_INDEXER_GROUP,
                            indexerElasticsearch, index, BulkSettings.DEFAULT, verification)
                            .withElasticsearchCa(stack.elasticsearchCa()),
                    apiConfig));
            onReady.run(stack, pipeline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new StartupFailure("interrupted while granting the Kafka users", e);
        } catch (StartupFailure | RuntimeException e) {
            stop();
            throw e;
        }
        return awaitStop(pipeline::indexerRunning);
    }

    synchronized <T extends AutoCloseable> T track(T resource) {
        started.push(resource);
        return resource;
    }

    /**
     * Waits until the process is told to stop (0), or until the indexer stops on an unexpected
     * error (1): a pipeline whose indexer died would go on serving an index that no longer follows
     * its repositories, and look healthy doing so. A supervisor restarts a process that exits.
     */
    int awaitStop(BooleanSupplier indexerRunning) {
        try {
            while (!stopped.await(WATCH_EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
                if (!indexerRunning.getAsBoolean() && !stopping) {
                    log.error("the indexer stopped on an unexpected error (logged above); stopping cardex, "
                            + "which would otherwise serve an index that no longer follows the repositories");
                    stop();
                    return 1;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    void stop() {
        stopping = true;
        AutoCloseable resource;
        while ((resource = untrack()) != null) {
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("{} did not stop cleanly: {}", resource.getClass().getSimpleName(), e.getMessage());
            }
        }
        stopped.countDown();
    }

    private synchronized AutoCloseable untrack() {
        return started.poll();
    }
}
