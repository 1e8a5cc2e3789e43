package io.cardex.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardex.card.CardexJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Asks the cardex API what a user would ask it. */
public final class ApiClient {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = CardexJson.newMapper();
    private final URI base;

    public ApiClient(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** The answer to GET /search?q=..., as JSON. */
    public JsonNode search(String query) {
        return get("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).body();
    }

    /** The keys of the cards GET /search?q=... returns. */
    public List<String> searchKeys(String query) {
        return keysOf(search(query));
    }

    /**
     * The keys of the cards a search by the words alone ({@code mode=text}) returns: for a test of
     * how words match, which a hybrid search would widen by the cards near in meaning.
     */
    public List<String> wordSearchKeys(String query) {
        return keysOf(get("/search?mode=text&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).body());
    }

    /** The keys of the cards GET /search?q=...&amp;status=... returns. */
    public List<String> searchKeys(String query, String status) {
        return keysOf(get("/search?status=" + status + "&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).body());
    }

    /** The keys of the cards a search returns, for a path and query such as {@code /search?sort=name}. */
    public List<String> keys(String pathAndQuery) {
        return keysOf(get(pathAndQuery).body());
    }

    private static List<String> keysOf(JsonNode answer) {
        List<String> keys = new ArrayList<>();
        answer.path("cards").forEach(card -> keys.add(card.path("key").asText()));
        return keys;
    }

    /** The body of an answer that is not JSON, such as /metrics. */
    public String text(String pathAndQuery) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).build()).body();
    }

    /** The headers of the answer to a GET with the given request headers, such as a browser's Origin. */
    public HttpHeaders headers(String pathAndQuery, String... requestHeaders) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).headers(requestHeaders).build()).headers();
    }

    public Response get(String pathAndQuery) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).build());
        try {
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null), json.readTree(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer of the API. */
    public record Response(int status, String contentType, String retryAfter, JsonNode body) {
    }
}
