package io.cardex.ingest;

import io.cardex.ingest.webhook.WebhookRoutes;
import io.cardex.service.http.ServiceServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service as a whole: one {@link RepositoryIngest} per card repository, all publishing
 * to one topic, and their HTTP server with health, metrics and the webhooks that trigger them.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestService.class);

    private final IngestConfig config;
    private final List<RepositoryIngest> repositories;
    private final ServiceServer server;
    private final PrometheusMeterRegistry registry;

    public IngestService(IngestConfig config) {
        this.config = config;
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.repositories = config.repositories().stream()
                .map(repository -> new RepositoryIngest(repository, registry)).toList();
        PushRouter router = new PushRouter(repositories);
        this.server = new ServiceServer("ingest", registry,
                () -> IngestHealth.of(repositories.stream().map(RepositoryIngest::status).toList()),
                routes -> WebhookRoutes.register(routes, config.webhooks(), router));
    }

    /** Serves HTTP, then starts every repository's ingest. */
    public void start() {
        server.start(config.host(), config.port());
        log.info("ingest answers on http://{}:{} (/health, /metrics, /webhooks/...); {}", config.host(),
                server.port(), config.webhooks());
        repositories.forEach(RepositoryIngest::start);
    }

    /** The port of the HTTP server (health, metrics, webhooks). */
    public int port() {
        return server.port();
    }

    /** The meters {@code /metrics} serves: services running in the same process may add theirs. */
    public PrometheusMeterRegistry meterRegistry() {
        return registry;
    }

    /** The ingest of each repository, in the order they were configured. */
    public List<RepositoryIngest> repositories() {
        return repositories;
    }

    @Override
    public void close() {
        server.close();
        repositories.forEach(RepositoryIngest::close);
    }
}
