package io.cardex.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardex.api.ApiConfig;
import io.cardex.api.ApiService;
import io.cardex.cardindex.CardIndexNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the API answers on its own, with Elasticsearch out of reach: routing, metrics, CORS,
 * readiness and its OpenAPI document. What it answers with Elasticsearch is tested against a real one in integration-tests.
 */
class ApiWithoutElasticsearchTest {

    private static final String HUB = "https://hub.example.org";

    private final HttpClient http = HttpClient.newHttpClient();
    private ApiService server;

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void requestsAreCountedByRouteTemplateNeverByCardKey() {
        start(List.of());

        assertThat(get("/cards/hub/mindspore/1.9/refinenet_voc2012/similar").statusCode()).isEqualTo(503);
        get("/cards/hub/mindspore/1.9/refinenet_voc2012");
        get("/cards/hub/mindspore/1.9/dlinknet_deepglobe");
        get("/health");
        get("/no/such/route");

        String metrics = get("/metrics").body();
        assertThat(metrics)
                .contains("cardex_api_requests_seconds_count{method=\"GET\",route=\"/cards/<key>\",status=\"503\"} 2")
                .contains("cardex_api_requests_seconds_count{method=\"GET\","
                        + "route=\"/cards/<key>/similar\",status=\"503\"} 1")
                .contains("cardex_api_requests_seconds_count{method=\"GET\",route=\"/health\",status=\"200\"} 1")
                .contains("cardex_api_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"} 1")
                .contains("cardex_api_requests_seconds_bucket{method=\"GET\",route=\"/health\",status=\"200\",le=\"0.025\"}")
                .doesNotContain("refinenet");
    }

    @Test
    void aKeyOfAnyDepthReachesItsCardAndItsSimilarCards() {
        start(List.of());

        get("/cards/hub/me/card");
        get("/cards/hub/noah-cvlab/gpu/1.8/ghostnet/similar");
        get("/cards/hub/a/b/c/d/e/similar");

        assertThat(get("/metrics").body())
                .contains("cardex_api_requests_seconds_count{method=\"GET\",route=\"/cards/<key>\",status=\"503\"} 1")
                .contains("cardex_api_requests_seconds_count{method=\"GET\",route=\"/cards/<key>/similar\",status=\"503\"} 2");
    }

    @Test
    void aBadSizeOfSimilarCardsIsA400NamingIt() {
        start(List.of());

        HttpResponse<String> response = get("/cards/hub/mindspore/1.9/refinenet_voc2012/similar?size=500");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("parameter 'size' must be between 1 and 50, not 500");
    }

    @Test
    void notReadyWhileElasticsearchCannotBeReached() {
        start(List.of());

        HttpResponse<String> response = get("/ready");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(response.body()).contains("Elasticsearch cannot be reached");
        assertThat(get("/health").statusCode()).as("alive all the same").isEqualTo(200);
    }

    @Test
    void notReadyNamesElasticsearchWithoutItsPassword() {
        URI withCredentials = URI.create("http://cardex:s3cret@127.0.0.1:" + freePort());
        server = new ApiService(new ApiConfig("127.0.0.1", 0, withCredentials, new CardIndexNames("cards")));
        server.start();

        HttpResponse<String> response = get("/ready");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("http://cardex:***@127.0.0.1:").doesNotContain("s3cret");
    }

    @Test
    void aPageOfAnAllowedOriginMayCallTheApiAndReadRetryAfter() {
        start(List.of(HUB));

        HttpResponse<String> response = get("/health", "Origin", HUB);

        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(HUB);
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers")).hasValue("Retry-After");
    }

    @Test
    void aPreflightOfAnAllowedOriginIsAnswered() {
        start(List.of(HUB));

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/search?q=x"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", HUB).header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "accept"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(HUB);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValueSatisfying(
                methods -> assertThat(methods).contains("GET"));
    }

    @Test
    void aPageOfAnotherOriginGetsNoCorsHeaders() {
        start(List.of(HUB));

        HttpResponse<String> simple = get("/health", "Origin", "https://elsewhere.example.com");
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(uri("/search?q=x"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elsewhere.example.com").header("Access-Control-Request-Method", "GET"));

        assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void everyOriginWhenToldSo() {
        start(List.of("*"));

        assertThat(get("/health", "Origin", "https://anyone.example.com").headers()
                .firstValue("Access-Control-Allow-Origin")).hasValue("*");
    }

    @Test
    void theOpenApiDocumentIsServedAsJsonToAllowedPagesToo() throws IOException {
        start(List.of(HUB));

        HttpResponse<String> response = get("/openapi.json", "Origin", HUB);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(HUB);
        JsonNode document = new ObjectMapper().readTree(response.body());
        assertThat(document.path("openapi").asText()).startsWith("3.1.");
        assertThat(document.path("paths").has("/search")).isTrue();
    }

    @Test
    void noCorsHeadersUnlessOriginsAreGiven() {
        start(List.of());

        assertThat(get("/health", "Origin", HUB).headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private void start(List<String> corsOrigins) {
        URI nobodyListens = URI.create("http://127.0.0.1:" + freePort());
        server = new ApiService(new ApiConfig("127.0.0.1", 0, nobodyListens, new CardIndexNames("cards"))
                .withCorsOrigins(corsOrigins));
        server.start();
    }

    private HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
