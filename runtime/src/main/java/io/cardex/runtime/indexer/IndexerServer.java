package io.cardex.runtime.indexer;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The HTTP side of an indexer running on its own: {@code GET /health} (200 while it consumes, 503
 * once it stopped) for container health checks, and {@code GET /metrics} (Prometheus text format)
 * with its meters and those of its Kafka consumer.
 */
public final class IndexerServer implements AutoCloseable {

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final BooleanSupplier running;
    private final PrometheusMeterRegistry registry;
    private final Javalin app;

    /**
     * @param running whether the indexer still consumes
     */
    public IndexerServer(BooleanSupplier running, PrometheusMeterRegistry registry) {
        this.running = running;
        this.registry = registry;
        this.app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.routes.get("/health", this::health);
            javalin.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
        });
    }

    public void start(String host, int port) {
        app.start(host, port);
    }

    /** The port listened on, useful when any free port was asked for. */
    public int port() {
        return app.port();
    }

    private void health(Context ctx) {
        boolean up = running.getAsBoolean();
        ctx.status(up ? 200 : 503).json(Map.of("status", up ? "up" : "stopped"));
    }

    @Override
    public void close() {
        app.stop();
        registry.close();
    }
}
