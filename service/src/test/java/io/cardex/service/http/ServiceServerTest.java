package io.cardex.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServiceServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicBoolean healthy = new AtomicBoolean(true);
    private final ServiceServer server = new ServiceServer("demo", new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            () -> new Health(healthy.get(), Map.of("status", healthy.get() ? "up" : "failing")),
            javalin -> {
                javalin.routes.get("/things/{name}", ctx -> Answers.json(ctx, Map.of("name", ctx.pathParam("name"))));
                javalin.routes.get("/broken", ctx -> {
                    throw new IllegalStateException("secret detail");
                });
            });

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void healthIs200WhileHealthyAnd503Otherwise() {
        server.start("127.0.0.1", 0);

        assertThat(get("/health").statusCode()).isEqualTo(200);
        healthy.set(false);
        HttpResponse<String> failing = get("/health");

        assertThat(failing.statusCode()).isEqualTo(503);
        assertThat(failing.body()).isEqualTo("{\"status\":\"failing\"}");
    }

    @Test
    void everyRequestIsTimedByItsRouteTemplateUnderTheServicesName() {
        server.start("127.0.0.1", 0);
        get("/things/a");
        get("/things/b");
        get("/nowhere");

        assertThat(get("/metrics").body())
                .contains("cardex_demo_requests_seconds_count{method=\"GET\",route=\"/things/{name}\",status=\"200\"} 2")
                .contains("cardex_demo_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"} 1");
    }

    @Test
    void anUnexpectedFailureIsAProblemThatKeepsItsCauseOutOfTheAnswer() {
        server.start("127.0.0.1", 0);

        HttpResponse<String> answer = get("/broken");

        assertThat(answer.statusCode()).isEqualTo(500);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith(ProblemDetails.CONTENT_TYPE));
        assertThat(answer.body()).contains("the server log says why").doesNotContain("secret detail");
    }

    @Test
    void theGetRoutesAreListedAsTemplates() {
        assertThat(server.getRoutes()).contains("/health", "/metrics", "/things/{name}", "/broken");
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
