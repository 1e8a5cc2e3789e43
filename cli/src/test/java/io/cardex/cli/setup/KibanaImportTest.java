package io.cardex.cli.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cardex.stack.StartupFailure;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The import as Kibana sees it: an HTTP server standing in for Kibana's saved-objects API. */
class KibanaImportTest {

    private static final byte[] NDJSON = "{\"type\":\"index-pattern\",\"id\":\"cardex-cards\",\"attributes\":{\"title\":\"cards\"}}\n"
            .getBytes(StandardCharsets.UTF_8);

    private record Answer(int status, String body) {
    }

    private record Request(String method, String pathAndQuery, String authorization, String xsrf, String contentType,
                           String body) {
    }

    private HttpServer kibana;
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startKibana() throws IOException {
        kibana = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        kibana.createContext("/", this::answer);
        kibana.start();
    }

    @AfterEach
    void stopKibana() {
        kibana.stop(0);
    }

    private synchronized void answer(HttpExchange exchange) throws IOException {
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("kbn-xsrf"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Answer answer = answers.size() > 1 ? answers.poll() : answers.peek();
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private URI kibanaUrl(String userInfo) {
        return URI.create("http://" + userInfo + "127.0.0.1:" + kibana.getAddress().getPort());
    }

    @Test
    void postsTheObjectsAsAFileOfAFormToTheImportApiReplacingEarlierVersions() throws Exception {
        answers.add(new Answer(200, "{\"success\":true,\"successCount\":1,\"successResults\":[]}"));

        int imported = new KibanaImport(kibanaUrl("elastic:s3cret@")).importObjects(NDJSON, "cardex-kibana.ndjson",
                Duration.ofSeconds(5));

        assertThat(imported).isEqualTo(1);
        Request request = requests.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.pathAndQuery()).isEqualTo("/api/saved_objects/_import?overwrite=true");
        assertThat(request.xsrf()).isNotBlank();
        assertThat(request.authorization()).isEqualTo("Basic ZWxhc3RpYzpzM2NyZXQ=");
        assertThat(request.contentType()).startsWith("multipart/form-data; boundary=");
        String boundary = request.contentType().substring(request.contentType().indexOf('=') + 1);
        assertThat(request.body())
                .startsWith("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                        + "filename=\"cardex-kibana.ndjson\"\r\n")
                .contains(new String(NDJSON, StandardCharsets.UTF_8))
                .endsWith("\r\n--" + boundary + "--\r\n");
    }

    @Test
    void aKibanaStillStartingIsWaitedFor() throws Exception {
        answers.add(new Answer(503, "{\"statusCode\":503,\"error\":\"Service Unavailable\"}"));
        answers.add(new Answer(200, "{\"success\":true,\"successCount\":1}"));

        int imported = new KibanaImport(kibanaUrl("")).importObjects(NDJSON, "cardex-kibana.ndjson", Duration.ofSeconds(30));

        assertThat(imported).isEqualTo(1);
        assertThat(requests).hasSize(2);
    }

    @Test
    void refusedObjectsAreNamedWithWhyKibanaRefusedThem() {
        answers.add(new Answer(200, "{\"success\":false,\"successCount\":0,\"errors\":[{\"id\":\"cardex-overview\","
                + "\"type\":\"dashboard\",\"title\":\"cardex\",\"error\":{\"type\":\"missing_references\","
                + "\"references\":[{\"type\":\"visualization\",\"id\":\"nope\"}]}}]}"));

        assertThatThrownBy(() -> new KibanaImport(kibanaUrl("")).importObjects(NDJSON, "cardex-kibana.ndjson",
                Duration.ofSeconds(5)))
                .isInstanceOf(StartupFailure.class)
                .hasMessage("Kibana refused 1 saved object: dashboard cardex-overview: missing_references");
    }

    @Test
    void refusedCredentialsEndTheImportAtOnceWithoutShowingThePassword() {
        answers.add(new Answer(401, "{\"statusCode\":401,\"error\":\"Unauthorized\"}"));

        assertThatThrownBy(() -> new KibanaImport(kibanaUrl("elastic:s3cret@")).importObjects(NDJSON,
                "cardex-kibana.ndjson", Duration.ofMinutes(5)))
                .isInstanceOf(StartupFailure.class)
                .hasMessageContaining("refused the user and password of its URL (401)")
                .hasMessageContaining("elastic:***@")
                .hasMessageNotContaining("s3cret");
        assertThat(requests).hasSize(1);
    }

    @Test
    void aKibanaThatNeverGetsReadySaysSoAfterTheWait() {
        answers.add(new Answer(503, "{}"));

        assertThatThrownBy(() -> new KibanaImport(kibanaUrl("")).importObjects(NDJSON, "cardex-kibana.ndjson",
                Duration.ZERO))
                .isInstanceOf(StartupFailure.class)
                .hasMessageContaining("is not ready after 0 s (it answers 503)");
    }
}
