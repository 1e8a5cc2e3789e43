package io.cardex.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardex.api.ApiConfig;
import io.cardex.api.ApiService;
import io.cardex.cardindex.CardIndexNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search page is served as files with their types, under a Content-Security-Policy that runs
 * no inline script, and its own script never hands text to an HTML parser. What it shows is tested
 * in a real browser by SearchPageIT.
 */
class SearchPageTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ApiService server;

    @BeforeAll
    static void start() {
        // Elasticsearch is not needed to serve the page: nobody listens at port 9.
        server = new ApiService(new ApiConfig("127.0.0.1", 0, URI.create("http://127.0.0.1:9"), new CardIndexNames("cards")));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void thePageIsServedAtTheRootAsHtmlUnderAStrictPolicy() {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(mediaType(page)).isEqualTo("text/html;charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .startsWith("default-src 'self';").contains("img-src 'self' data:").doesNotContain("unsafe"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.body()).contains("<script src=\"/page/page.js\" defer></script>",
                "<link rel=\"stylesheet\" href=\"/page/page.css\">");
    }

    @Test
    void thePageHoldsNoInlineScriptOrStyleThePolicyWouldBlock() {
        String page = get("/").body();

        assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContainPattern("\\son[a-z]+=")
                .doesNotContain("<style").doesNotContainPattern("\\sstyle=").doesNotContain("javascript:");
    }

    @Test
    void theStyleAndScriptAreServedWithTheirTypes() {
        HttpResponse<String> style = get("/page/page.css");
        HttpResponse<String> script = get("/page/page.js");

        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(mediaType(style)).isEqualTo("text/css;charset=utf-8");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(mediaType(script)).isEqualTo("text/javascript;charset=utf-8");
        assertThat(script.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void onlyThePagesOwnFilesAreServed() {
        HttpResponse<String> unknown = get("/page/secrets.txt");
        HttpResponse<String> outside = get("/page/..%2Fopenapi.json");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(unknown.body()).contains("index.html, page.css, page.js");
        assertThat(outside.statusCode()).isEqualTo(404);
    }

    @Test
    void theScriptNeverParsesTextAsHtml() {
        String script = get("/page/page.js").body();

        assertThat(script).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "DOMParser",
                "createContextualFragment", "srcdoc").doesNotContainPattern("\\beval\\(").doesNotContain("new Function");
    }

    /** The Content-Type as sent, without the spaces the server may or may not put after ';'. */
    private static String mediaType(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").replace(" ", "");
    }

    private static HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
