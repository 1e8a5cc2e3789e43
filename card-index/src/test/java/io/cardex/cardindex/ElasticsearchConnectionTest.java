package io.cardex.cardindex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a secured Elasticsearch sees of the connection: an HTTP server standing in for it. */
class ElasticsearchConnectionTest {

    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            paths.add(exchange.getRequestURI().getPath());
            byte[] body = "{\"error\":{\"type\":\"security_exception\",\"reason\":\"unable to authenticate\"},\"status\":401}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-elastic-product", "Elasticsearch");
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(401, -1);
            } else {
                exchange.sendResponseHeaders(401, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String base() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void credentialsInTheUrlAreSentAsBasicAuthentication() {
        try (ElasticsearchConnection connection = new ElasticsearchConnection(URI.create("http://cardex:s3cret@" + base()))) {
            catchThrowable(() -> connection.client().info());
        }

        assertThat(authorizations).containsOnly("Basic Y2FyZGV4OnMzY3JldA==");
    }

    @Test
    void aUrlWithoutCredentialsSendsNone() {
        try (ElasticsearchConnection connection = new ElasticsearchConnection(URI.create("http://" + base()))) {
            catchThrowable(() -> connection.client().info());
        }

        assertThat(authorizations).containsOnly("null");
    }

    @Test
    void theErrorOfARefusedRequestDoesNotShowThePassword() {
        Throwable refused;
        try (ElasticsearchConnection connection = new ElasticsearchConnection(URI.create("http://cardex:s3cret@" + base()))) {
            refused = catchThrowable(() -> connection.client().info());
        }

        assertThat(refused).isNotNull();
        assertThat(refused.toString()).doesNotContain("s3cret");
    }

    @Test
    void aPathInTheUrlPrefixesEveryRequest() {
        try (ElasticsearchConnection connection = new ElasticsearchConnection(URI.create("http://" + base() + "/es"))) {
            catchThrowable(() -> connection.client().indices().exists(e -> e.index("cards")));
        }

        assertThat(paths).containsExactly("/es/cards");
    }
}
