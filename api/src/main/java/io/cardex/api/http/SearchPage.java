package io.cardex.api.http;

import io.cardex.service.http.Answers;
import io.cardex.service.http.ProblemDetails;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;

/**
 * The search page for people: three static files (HTML, CSS, JavaScript) read once from the
 * classpath and served with a Content-Security-Policy that lets no script run but the page's own,
 * so that nothing a card holds can run in a reader's browser.
 */
final class SearchPage {

    /**
     * Only the page's own files, and none inline: a card's text that slipped into the page as
     * markup could neither run a script nor load anything from elsewhere.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "page.css", "text/css; charset=utf-8",
            "page.js", "text/javascript; charset=utf-8");

    private final Map<String, byte[]> files;

    SearchPage() {
        this.files = Map.of("index.html", read("index.html"), "page.css", read("page.css"), "page.js", read("page.js"));
    }

    /** {@code GET /}: the page. */
    void index(Context ctx) {
        serve(ctx, "index.html");
    }

    /** {@code GET /page/{file}}: one of the page's files, or 404. */
    void file(Context ctx) {
        String file = ctx.pathParam("file");
        if (files.containsKey(file)) {
            serve(ctx, file);
        } else {
            Answers.problem(ctx, ProblemDetails.of(404, "No such file",
                    "the search page has no file '" + file + "': its files are " + String.join(", ",
                            files.keySet().stream().sorted().toList())));
        }
    }

    private void serve(Context ctx, String file) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                // Small files that change with cardex: asked again each time, answered from the cache when unchanged.
                .header("Cache-Control", "no-cache")
                .contentType(CONTENT_TYPES.get(file))
                .result(files.get(file));
    }

    private static byte[] read(String file) {
        try (InputStream bytes = SearchPage.class.getResourceAsStream("page/" + file)) {
            return Objects.requireNonNull(bytes, "page/" + file + " is missing beside SearchPage").readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("page/" + file + " cannot be read", e);
        }
    }
}
