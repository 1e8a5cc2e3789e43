package io.cardex.ingest.http;

import io.cardex.ingest.webhook.WebhookSettings;

/**
 * Where the ingest service answers HTTP (health, metrics, webhooks), and its webhook secrets.
 *
 * @param port 0 for any free port
 */
public record IngestServerConfig(String host, int port, WebhookSettings webhooks) {

    public IngestServerConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the ingest port must be between 0 and 65535, not " + port);
        }
    }
}
