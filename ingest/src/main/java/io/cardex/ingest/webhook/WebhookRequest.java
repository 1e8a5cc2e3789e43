package io.cardex.ingest.webhook;

import java.util.Optional;
import java.util.function.Function;

/**
 * A delivery as received: its headers and its raw body, which signatures are computed over.
 *
 * @param headers reads a header by name, case-insensitively; null when absent
 * @param body    the body exactly as sent; not to be modified
 */
record WebhookRequest(Function<String, String> headers, byte[] body) {

    /** The stripped value of a header; empty when it is absent or blank. */
    Optional<String> header(String name) {
        return Optional.ofNullable(headers.apply(name)).map(String::strip).filter(value -> !value.isEmpty());
    }
}
