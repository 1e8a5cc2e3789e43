package io.cardex.ingest.webhook;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a delivery's body up to a limit. An announced length over the limit is refused before
 * anything is read; a body sent without a length, or with a false one, is read no further than
 * one byte past the limit.
 */
final class PayloadReader {

    private final long maxPayloadBytes;

    PayloadReader(long maxPayloadBytes) {
        this.maxPayloadBytes = maxPayloadBytes;
    }

    byte[] read(Context ctx) throws IOException, RejectedDeliveryException {
        if (ctx.req().getContentLengthLong() > maxPayloadBytes) {
            throw RejectedDeliveryException.tooLarge(maxPayloadBytes);
        }
        try (InputStream body = ctx.bodyInputStream()) {
            byte[] bytes = body.readNBytes(Math.toIntExact(maxPayloadBytes + 1));
            if (bytes.length > maxPayloadBytes) {
                throw RejectedDeliveryException.tooLarge(maxPayloadBytes);
            }
            return bytes;
        }
    }
}
