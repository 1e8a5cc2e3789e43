package io.cardex.service.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server of a cardex service, the same shape for ingest, indexer and API:
 * {@code GET /health} (200 or 503 from the service's health), {@code GET /metrics} (Prometheus
 * text format, with every request timed by route), the service's own routes, and a problem+json
 * 500 for an unexpected failure, with the cause in the log and never in the answer.
 */
public final class ServiceServer implements AutoCloseable {

    /** Where a service listens unless told otherwise: this machine only. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    private static final Logger log = LoggerFactory.getLogger(ServiceServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final String service;
    private final PrometheusMeterRegistry registry;
    private final Javalin app;

    /**
     * @param service  the service's name, for its request meter ({@code cardex.<service>.requests}) and its log
     * @param registry the meters {@code /metrics} serves; closed with the server
     * @param health   what {@code /health} answers, asked at each request
     * @param routes   the service's own routes and exception handlers
     */
    public ServiceServer(String service, PrometheusMeterRegistry registry, Supplier<Health> health,
                         Consumer<JavalinConfig> routes) {
        this.service = service;
        this.registry = registry;
        this.app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.requestLogger.http(new RequestMetrics(registry, service));
            javalin.routes.get("/health", ctx -> {
                Health now = health.get();
                Answers.json(ctx, now.healthy() ? 200 : 503, now.body());
            });
            javalin.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
            javalin.routes.exception(Exception.class, (e, ctx) -> {
                log.error("{}: request {} failed", service, ctx.path(), e);
                Answers.problem(ctx, ProblemDetails.of(500, "Internal error", "the request failed; the server log says why"));
            });
            routes.accept(javalin);
        });
    }

    /**
     * Starts listening.
     *
     * @throws IllegalStateException when the address cannot be listened on, naming it
     */
    public void start(String host, int port) {
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cardex " + service + " cannot listen on " + host + ":" + port + " ("
                    + e.getMessage() + ")", e);
        }
    }

    /** The port listened on, useful when any free port was asked for. */
    public int port() {
        return app.port();
    }

    /** The templates of the GET routes, such as {@code /cards/<key>}: what a service's API description must cover. */
    public List<String> getRoutes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream().map(route -> route.endpoint)
                .filter(endpoint -> HandlerType.GET.equals(endpoint.method)).map(endpoint -> endpoint.path).toList();
    }

    @Override
    public void close() {
        app.stop();
        registry.close();
    }
}
