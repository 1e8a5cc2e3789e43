package io.cardex.ingest.http;

import io.cardex.card.CardexJson;
import io.cardex.ingest.RepositoryIngest;
import io.cardex.ingest.IngestStatus;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The HTTP side of ingest: {@code GET /health} (every repository's state), {@code GET /metrics}
 * (Prometheus text format) and whatever routes are mounted (the webhooks).
 */
public final class IngestServer implements AutoCloseable {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final List<RepositoryIngest> services;
    private final PrometheusMeterRegistry registry;
    private final Javalin app;

    /**
     * @param routes more routes to serve, such as the webhooks
     */
    public IngestServer(List<RepositoryIngest> services, PrometheusMeterRegistry registry, Consumer<JavalinConfig> routes) {
        this.services = List.copyOf(services);
        this.registry = registry;
        this.app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.jsonMapper(new JavalinJackson(CardexJson.newMapper(), false));
            javalin.routes.get("/health", this::health);
            javalin.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
            routes.accept(javalin);
        });
    }

    public void start(String host, int port) {
        app.start(host, port);
    }

    /** The port listened on, useful when any free port was asked for. */
    public int port() {
        return app.port();
    }

    /** 200 while every repository is published or starting; 503 when one keeps failing. */
    private void health(Context ctx) {
        List<IngestStatus> statuses = services.stream().map(RepositoryIngest::status).toList();
        boolean failing = statuses.stream().anyMatch(IngestStatus::isFailing);
        ctx.status(failing ? 503 : 200).json(Map.of("status", failing ? "failing" : "up", "repositories", statuses));
    }

    @Override
    public void close() {
        app.stop();
        registry.close();
    }
}
