package io.cardex.service.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardex.card.CardexJson;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.UncheckedIOException;

/**
 * Writes answers as cardex's JSON, whatever mapper the server was configured with. The bytes are
 * written in one go: Javalin's own {@code ctx.json} makes a string first and encodes it
 * afterwards, which cost a search page about a tenth of the API's CPU time.
 */
public final class Answers {

    private static final ObjectMapper JSON = CardexJson.newMapper();

    private Answers() {
    }

    /** Answers {@code body} as JSON with the status already set (200 unless changed). */
    public static void json(Context ctx, Object body) {
        try {
            ctx.contentType(ContentType.APPLICATION_JSON).result(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("an answer cannot be written as JSON", e);
        }
    }

    /** Answers {@code body} as JSON with {@code status}. */
    public static void json(Context ctx, int status, Object body) {
        json(ctx.status(status), body);
    }

    /** Answers the problem as {@code application/problem+json}, with its status. */
    public static void problem(Context ctx, ProblemDetails problem) {
        json(ctx.status(problem.status()), problem);
        ctx.contentType(ProblemDetails.CONTENT_TYPE);
    }
}
