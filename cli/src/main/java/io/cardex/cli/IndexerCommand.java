package io.cardex.cli;

import io.cardex.topics.CardChangeTopic;
import io.cardex.indexer.IndexerConfig;
import io.cardex.indexer.IndexerService;
import io.cardex.indexer.BulkSettings;
import io.cardex.service.http.ServiceServer;
import io.cardex.stack.StartupFailure;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cardex indexer}: the indexer alone, reading a Kafka and writing an Elasticsearch that run elsewhere. */
@Command(name = "indexer", sortOptions = false,
        description = {"Write the card changes of the topic to the card index. Indexers sharing a consumer group "
                + "share the topic's partitions: start more to index faster.",
                "Serves /health and Prometheus /metrics. Exits with status 1 when indexing stops on an unexpected "
                        + "error, so that a supervisor restarts it."})
final class IndexerCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(IndexerCommand.class);

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--group-id", paramLabel = "GROUP", defaultValue = "${env:CARDEX_INDEXER_GROUP_ID:-"
            + CardChangeTopic.DEFAULT_INDEXER_GROUP + "}",
            description = "Kafka consumer group of the indexers writing one index (env CARDEX_INDEXER_GROUP_ID; "
                    + "default ${DEFAULT-VALUE}).")
    String groupId;

    @Mixin
    ElasticsearchOptions elasticsearch;

    @Mixin
    AssetVerificationOptions assets;

    @Mixin
    HubRulesOptions rules;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "${env:CARDEX_INDEXER_HOST:-" + ServiceServer.DEFAULT_HOST + "}",
            description = "Address of /health and /metrics; 0.0.0.0 for every interface "
                    + "(env CARDEX_INDEXER_HOST; default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:CARDEX_INDEXER_PORT:-" + IndexerConfig.DEFAULT_PORT + "}",
            description = "Port of /health and /metrics (env CARDEX_INDEXER_PORT; default ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws StartupFailure, InterruptedException {
        IndexerConfig config = new IndexerConfig(kafka.connection(), kafka.topic, groupId, elasticsearch.url,
                elasticsearch.index, BulkSettings.DEFAULT, assets.verification(rules.hubRules().allowedHosts()))
                .withElasticsearchCa(elasticsearch.ca());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        IndexerService indexer;
        try {
            indexer = new IndexerService(config, registry);
        } catch (RuntimeException e) {
            throw new StartupFailure("the indexer cannot start: " + e.getMessage(), e);
        }
        ServiceServer server = new ServiceServer("indexer", registry, indexer::health, routes -> { });
        try {
            server.start(host, port);
        } catch (RuntimeException e) {
            indexer.close();
            throw new StartupFailure("the indexer cannot serve /health and /metrics on " + host + ":" + port + " ("
                    + e.getMessage() + "): choose another address or port with --host and --port", e);
        }
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            indexer.close();
            server.close();
        }, "cardex-shutdown"));
        indexer.start();
        log.info("indexing topic {} of {} into {} at {} as group {}{}; /health and /metrics on http://{}:{}",
                kafka.topic, config.kafka(), elasticsearch.index.alias(), elasticsearch.redactedUrl(), groupId,
                assets.verifyAssets ? ", verifying assets" : "", host, server.port());
        indexer.awaitStopped();
        if (stopping.get()) {
            return 0;
        }
        if (indexer.refusal().isPresent()) {
            server.close();
            throw new StartupFailure("the indexer cannot start: " + indexer.refusal().get());
        }
        log.error("the indexer stopped on an unexpected error (logged above); exiting");
        server.close();
        return 1;
    }
}
