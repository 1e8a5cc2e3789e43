package io.cardex.cli;

import io.cardex.service.http.ServiceServer;
import io.cardex.topics.CardChangeTopic;
import io.cardex.topics.KafkaAccessCheck;
import io.cardex.topics.KafkaConnection;
import io.cardex.api.ApiConfig;
import io.cardex.api.ApiService;
import io.cardex.cardindex.ElasticsearchAccessFailure;
import io.cardex.api.KafkaSettings;
import io.cardex.stack.StartupFailure;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cardex api}: the search API alone, answering from an Elasticsearch that runs elsewhere. */
@Command(name = "api", sortOptions = false,
        description = "Serve the search API from the card index; GET /openapi.json describes it.")
final class ApiCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(ApiCommand.class);

    @Mixin
    ElasticsearchOptions elasticsearch;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "${env:CARDEX_API_HOST:-" + ServiceServer.DEFAULT_HOST + "}",
            description = "Address the API listens on; 0.0.0.0 for every interface "
                    + "(env CARDEX_API_HOST; default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:CARDEX_API_PORT:-" + ApiConfig.DEFAULT_PORT + "}",
            description = "Port of the API (env CARDEX_API_PORT; default ${DEFAULT-VALUE}).")
    int port;

    @Mixin
    CorsOptions cors;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--indexer-group-id", paramLabel = "GROUP", defaultValue = "${env:CARDEX_INDEXER_GROUP_ID:-"
            + CardChangeTopic.DEFAULT_INDEXER_GROUP + "}",
            description = "Consumer group of the indexers, whose lag on the topic /stats reports "
                    + "(env CARDEX_INDEXER_GROUP_ID; default ${DEFAULT-VALUE}).")
    String indexerGroupId;

    @Override
    public Integer call() throws StartupFailure, InterruptedException {
        KafkaConnection connection = kafka.connection();
        if (connection.login().isPresent()) {
            // /stats needs the indexers' offsets: a refusal is said at start, not in every answer.
            try {
                KafkaAccessCheck.require(connection, List.of(KafkaAccessCheck.Need.describeTopic(kafka.topic),
                        KafkaAccessCheck.Need.describeGroup(indexerGroupId)));
            } catch (RuntimeException e) {
                throw new StartupFailure(e.getMessage(), e);
            }
        }
        ApiService api;
        try {
            api = new ApiService(new ApiConfig(host, port, elasticsearch.url, elasticsearch.index)
                    .withCorsOrigins(cors.origins())
                    .withKafka(new KafkaSettings(connection, kafka.topic, indexerGroupId))
                    .withElasticsearchCa(elasticsearch.ca()));
        } catch (IllegalArgumentException e) {
            throw new StartupFailure(e.getMessage(), e);
        }
        try {
            api.start();
        } catch (ElasticsearchAccessFailure e) {
            api.close();
            throw new StartupFailure("the API cannot start: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            api.close();
            throw new StartupFailure(e.getMessage() + ": choose another address or port with --host and --port", e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close();
            stopped.countDown();
        }, "cardex-shutdown"));
        log.info("the API answers on http://{}:{} from index {} at {}", host, api.port(), elasticsearch.index.alias(),
                elasticsearch.redactedUrl());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
