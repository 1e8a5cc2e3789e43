package io.cardex.ingest.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/**
 * Writes webhook answers with the webhook's own JSON mapper, so that they read the same whatever
 * mapper the hosting server configured.
 */
final class AnswerWriter {

    private final ObjectMapper json;

    AnswerWriter(ObjectMapper json) {
        this.json = json;
    }

    void answer(Context ctx, int status, WebhookAnswer answer) throws JsonProcessingException {
        ctx.status(status).contentType("application/json").result(json.writeValueAsBytes(answer));
    }

    void problem(Context ctx, ProblemDetails problem) throws JsonProcessingException {
        ctx.status(problem.status()).contentType(ProblemDetails.CONTENT_TYPE).result(json.writeValueAsBytes(problem));
    }
}
