package io.cardex.ingest;

import java.util.List;
import java.util.Objects;

/**
 * Everything the ingest service is told at start-up: the repositories it keeps published, where
 * it answers HTTP (health, metrics, webhooks) and its webhook secrets. Messages name the
 * command-line option a user sets.
 *
 * @param repositories one per card repository, each with a name of its own
 * @param port         0 for any free port
 */
public record IngestConfig(List<RepositoryConfig> repositories, String host, int port, WebhookSettings webhooks) {

    /** The port of ingest's webhooks, /health and /metrics unless told otherwise. */
    public static final int DEFAULT_PORT = 8081;

    public IngestConfig {
        repositories = List.copyOf(repositories);
        if (repositories.isEmpty()) {
            throw new IllegalArgumentException("give at least one card repository to ingest with --repo");
        }
        long names = repositories.stream().map(RepositoryConfig::repositoryName).distinct().count();
        if (names < repositories.size()) {
            throw new IllegalArgumentException("two --repo have the same name: give each its own, as NAME=PATH|URL");
        }
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the ingest port (--port, or --ingest-port of a command running the "
                    + "whole pipeline) must be between 0 and 65535, not " + port);
        }
        Objects.requireNonNull(webhooks, "webhooks");
    }
}
