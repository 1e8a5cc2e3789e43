package io.cardex.it.cli;

import io.cardex.cardindex.CardIndexVersions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.cardex.cardindex.IndexShards;
import io.cardex.it.support.ApiClient;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.CardexProcess;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.UniqueNames;
import io.cardex.stack.EmbeddedStack;
import io.cardex.stack.Ports;
import io.cardex.cardindex.ElasticsearchConnection;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The services as docker-compose.yml runs them: {@code setup}, {@code indexer}, {@code api} and
 * {@code ingest} as separate processes, configured only through their settings, against the
 * shared Kafka and Elasticsearch (and a stand-in for Kibana's import API).
 */
class StandaloneServicesIT {

    private static final Duration EXIT = Duration.ofSeconds(90);
    private static final Duration INDEXED = Duration.ofSeconds(120);
    private static final String PASSWORD = "s3cret-never-shown";

    private final List<CardexProcess> started = new ArrayList<>();
    private final List<String> kibanaImports = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private CardRepositoryFixture repository;
    private Path work;
    private HttpServer kibana;

    @BeforeEach
    void prepare() throws IOException {
        repository = CardRepositoryFixture.create().addExample("mindspore/1.9/refinenet_voc2012.md");
        repository.commit("one card");
        work = TempDirectories.create("cardex-it-services-");
        kibana = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        kibana.createContext("/api/saved_objects/_import", exchange -> {
            kibanaImports.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{\"success\":true,\"successCount\":11}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        kibana.start();
    }

    @AfterEach
    void cleanUp() {
        started.stream().filter(CardexProcess::isAlive).forEach(cardex -> cardex.terminate(EXIT));
        kibana.stop(0);
        repository.close();
        TempDirectories.delete(work);
    }

    private CardexProcess cardex(String name, String... arguments) {
        CardexProcess process = CardexProcess.start(work.resolve(name + ".txt"), arguments);
        started.add(process);
        return process;
    }

    @Test
    void setUpThenIngestIndexAndServeAsSeparateServices() throws Exception {
        EmbeddedStack stack = TestStack.get();
        UniqueNames names = UniqueNames.forTest("services");
        String alias = names.index().alias();
        URI plain = stack.elasticsearchUrl();
        String elasticsearch = "http://cardex:" + PASSWORD + "@" + plain.getHost() + ":" + plain.getPort();
        String kibanaUrl = "http://elastic:" + PASSWORD + "@127.0.0.1:" + kibana.getAddress().getPort();

        CardexProcess setup = cardex("setup", "setup", "--elasticsearch-url", elasticsearch, "--index", alias,
                "--shards", "2", "--kibana-url", kibanaUrl, "--kibana-public-url", "http://localhost:5601");
        assertThat(setup.awaitExit(EXIT)).as(setup.output()).isEqualTo(0);
        assertThat(setup.output())
                .contains("alias " + alias + " points at " + alias + "-v1 (2 primary shards, 0 replicas)")
                .as("the link works from where people are, not from where setup reached Kibana")
                .contains("11 saved objects imported; the dashboard is http://localhost:5601"
                        + "/app/dashboards#/view/cardex-overview")
                .contains("http://cardex:***@")
                .doesNotContain(PASSWORD);
        assertThat(kibanaImports).hasSize(1);
        assertThat(kibanaImports.get(0)).contains("\"type\":\"index-pattern\"").contains("\"title\":\"" + alias + "\"");

        int indexerPort = Ports.free();
        int apiPort = Ports.free();
        CardexProcess indexer = cardex("indexer", "indexer", "--bootstrap-servers", stack.kafkaBootstrapServers(),
                "--topic", names.topic(), "--group-id", names.consumerGroup(), "--elasticsearch-url", elasticsearch,
                "--index", alias, "--port", String.valueOf(indexerPort));
        cardex("api", "api", "--elasticsearch-url", elasticsearch, "--index", alias, "--port", String.valueOf(apiPort));
        CardexProcess ingest = cardex("ingest", "ingest", "--once", "--repo", "hub=" + repository.directory(),
                "--bootstrap-servers", stack.kafkaBootstrapServers(), "--topic", names.topic(), "--partitions", "2",
                "--work-dir", work.resolve("ingest").toString());
        assertThat(ingest.awaitExit(EXIT)).as(ingest.output()).isEqualTo(0);

        ApiClient api = new ApiClient(apiPort);
        await().ignoreExceptions().atMost(INDEXED).untilAsserted(() ->
                assertThat(api.searchKeys("refinenet")).containsExactly("hub/mindspore/1.9/refinenet_voc2012"));
        assertThat(get(apiPort, "/ready")).startsWith("200");
        assertThat(get(indexerPort, "/health")).isEqualTo("200 {\"status\":\"up\"}");
        assertThat(get(indexerPort, "/metrics")).contains("cardex_indexer_changes_total{outcome=\"written\"}");
        assertThat(partitionsOf(stack, names.topic())).isEqualTo(2);
        assertThat(indexer.output()).contains("http://cardex:***@").doesNotContain(PASSWORD);

        CardexProcess reindex = cardex("reindex", "reindex", "--bootstrap-servers", stack.kafkaBootstrapServers(),
                "--topic", names.topic(), "--elasticsearch-url", elasticsearch, "--index", alias);
        assertThat(reindex.awaitExit(EXIT)).as(reindex.output()).isEqualTo(0);
        try (ElasticsearchConnection connection = new ElasticsearchConnection(plain)) {
            assertThat(new CardIndexVersions(connection.client(), names.index()).shardsOf(alias + "-v2"))
                    .as("reindex keeps the shards chosen at set-up").isEqualTo(new IndexShards(2, 0));
        }

        CardexProcess again = cardex("setup-again", "setup", "--elasticsearch-url", elasticsearch, "--index", alias);
        assertThat(again.awaitExit(EXIT)).as(again.output()).isEqualTo(0);
        assertThat(again.output()).as("setting up again keeps the index")
                .contains("alias " + alias + " points at " + alias + "-v2 (2 primary shards, 0 replicas)");

        assertThat(indexer.terminate(EXIT)).as("exit code after SIGTERM").isIn(0, 143);
    }

    @Test
    void anIndexerThatCannotServeItsHealthSaysWhichPortInOneLine() throws Exception {
        EmbeddedStack stack = TestStack.get();
        UniqueNames names = UniqueNames.forTest("indexer-port");
        try (var squatter = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CardexProcess indexer = cardex("indexer-port", "indexer", "--bootstrap-servers", stack.kafkaBootstrapServers(),
                    "--topic", names.topic(), "--elasticsearch-url", stack.elasticsearchUrl().toString(),
                    "--index", names.index().alias(), "--port", String.valueOf(squatter.getLocalPort()));

            assertThat(indexer.awaitExit(EXIT)).isEqualTo(1);
            assertThat(indexer.output()).contains("cardex: the indexer cannot serve /health and /metrics on 127.0.0.1:"
                    + squatter.getLocalPort()).doesNotContain("\tat ");
        }
    }

    private String get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    private static int partitionsOf(EmbeddedStack stack, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        }
    }
}
