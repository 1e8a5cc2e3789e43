package io.cardex.ingest;

import io.cardex.ingest.http.IngestServer;
import io.cardex.ingest.http.IngestServerConfig;
import io.cardex.ingest.webhook.WebhookRoutes;
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

    private final List<RepositoryIngest> services;
    private final IngestServer server;
    private final IngestServerConfig serverConfig;
    private final PrometheusMeterRegistry registry;

    public IngestService(List<IngestConfig> repositories, IngestServerConfig serverConfig) {
        if (repositories.isEmpty()) {
            throw new IllegalArgumentException("give at least one card repository to ingest");
        }
        long names = repositories.stream().map(IngestConfig::repositoryName).distinct().count();
        if (names < repositories.size()) {
            throw new IllegalArgumentException("two repositories have the same name: give each its own, as NAME=PATH|URL");
        }
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.services = repositories.stream().map(config -> new RepositoryIngest(config, registry)).toList();
        PushRouter router = new PushRouter(services);
        this.serverConfig = serverConfig;
        this.server = new IngestServer(services, registry,
                routes -> WebhookRoutes.register(routes, serverConfig.webhooks(), router));
    }

    /** Serves HTTP, then starts every repository's ingest. */
    public void start() {
        server.start(serverConfig.host(), serverConfig.port());
        log.info("ingest answers on http://{}:{} (/health, /metrics, /webhooks/...); {}", serverConfig.host(),
                server.port(), serverConfig.webhooks());
        services.forEach(RepositoryIngest::start);
    }

    /** The port of the HTTP server (health, metrics, webhooks). */
    public int port() {
        return server.port();
    }

    /** The meters {@code /metrics} serves: services running in the same process may add theirs. */
    public PrometheusMeterRegistry meterRegistry() {
        return registry;
    }

    public List<RepositoryIngest> services() {
        return services;
    }

    @Override
    public void close() {
        server.close();
        services.forEach(RepositoryIngest::close);
    }
}
