package io.cardex.api;

import io.cardex.store.CardIndexNames;
import java.net.URI;
import java.util.Objects;

/**
 * Everything the API is told at start-up.
 *
 * @param host the address to listen on: 127.0.0.1 for this machine only, 0.0.0.0 for everyone
 * @param port the port to listen on; 0 picks a free one
 */
public record ApiConfig(String host, int port, URI elasticsearchUrl, CardIndexNames index) {

    public ApiConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("API port must be between 0 and 65535, not " + port);
        }
        Objects.requireNonNull(elasticsearchUrl, "elasticsearchUrl");
        Objects.requireNonNull(index, "index");
    }
}
