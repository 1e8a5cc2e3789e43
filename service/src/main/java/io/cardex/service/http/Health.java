package io.cardex.service.http;

/**
 * What a service's {@code GET /health} answers: 200 with {@code body} while it is healthy, 503
 * with it when not, so that a container's health check or a supervisor can act on it.
 */
public record Health(boolean healthy, Object body) {
}
