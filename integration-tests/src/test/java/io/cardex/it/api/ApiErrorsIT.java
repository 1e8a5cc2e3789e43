package io.cardex.it.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import io.cardex.cardindex.ElasticsearchConnection;
import io.cardex.cardindex.CardIndexVersions;
import io.cardex.cardindex.CardIndexNames;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardex.api.ApiConfig;
import io.cardex.api.ApiService;
import io.cardex.it.support.ApiClient;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.UniqueNames;
import io.cardex.stack.Ports;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bad requests and an unreachable Elasticsearch get a problem+json answer, never a stack trace. */
class ApiErrorsIT {

    private ApiService server;

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void aBadParameterIsA400NamingIt() {
        ApiClient.Response response = startApi(TestStack.get().elasticsearchUrl()).get("/search?q=x&size=1000");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().path("detail").asText()).isEqualTo("parameter 'size' must be between 1 and 100, not 1000");
    }

    @Test
    void everyMistakeInASearchIsA400NamingTheParameter() {
        ApiClient api = startApi(TestStack.get().elasticsearchUrl());
        Map<String, String> mistakes = new LinkedHashMap<>();
        mistakes.put("/search?colour=red", "colour");
        mistakes.put("/search?sort=popularity", "sort");
        mistakes.put("/search?sort=name&order=up", "order");
        mistakes.put("/search?facets=dataset,colour", "facets");
        mistakes.put("/search?cursor=bm90LWEtY3Vyc29y", "cursor");
        mistakes.put("/search?from=10&cursor=WyJuYW1lOmFzYyIsImEiLCJiIiwiYyJd", "from");
        mistakes.put("/search?sort=updated&cursor=WyJuYW1lOmFzYyIsImEiLCJiIiwiYyJd", "cursor");
        mistakes.put("/search?size=0", "size");
        mistakes.put("/search?q=" + "a".repeat(501), "q");

        mistakes.forEach((request, parameter) -> {
            ApiClient.Response response = api.get(request);
            assertThat(response.status()).as(request).isEqualTo(400);
            assertThat(response.contentType()).as(request).startsWith("application/problem+json");
            assertThat(response.body().path("detail").asText()).as(request).startsWith("parameter '" + parameter + "' ");
        });
    }

    @Test
    void anIndexNotCreatedYetIsA503WithRetryAfter() {
        ApiClient.Response response = startApi(TestStack.get().elasticsearchUrl()).get("/search?q=refinenet");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.retryAfter()).isEqualTo("5");
        assertThat(response.body().path("detail").asText()).contains("does not exist yet");
    }

    @Test
    void aPartOfThePipelineThatStoppedMakesTheApiNotReady() throws Exception {
        CardIndexNames index = UniqueNames.forTest("api-ready").index();
        try (ElasticsearchConnection elasticsearch = new ElasticsearchConnection(TestStack.get().elasticsearchUrl())) {
            new CardIndexVersions(elasticsearch.client(), index).ensureExists();
        }
        List<String> troubles = new CopyOnWriteArrayList<>();
        server = new ApiService(new ApiConfig("127.0.0.1", 0, TestStack.get().elasticsearchUrl(), index),
                () -> List.copyOf(troubles));
        server.start();
        ApiClient api = new ApiClient(server.port());
        assertThat(api.get("/ready").status()).isEqualTo(200);

        troubles.add("the indexer stopped: the index no longer follows the repositories");
        ApiClient.Response response = api.get("/ready");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.retryAfter()).isEqualTo("5");
        assertThat(response.body().path("detail").asText()).isEqualTo(
                "the indexer stopped: the index no longer follows the repositories");
    }

    @Test
    void anUnreachableElasticsearchIsA503WithRetryAfter() {
        URI nobodyListens = URI.create("http://127.0.0.1:" + Ports.free());

        ApiClient.Response response = startApi(nobodyListens).get("/search?q=refinenet");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.retryAfter()).isEqualTo("5");
        assertThat(response.body().path("title").asText()).isEqualTo("Search unavailable");
        assertThat(response.body().toString()).doesNotContain("Exception");
    }

    @Test
    void statsAndSimilarCardsAreA503TooBeforeTheIndexIsCreated() {
        assertEveryAnswerIsA503WithRetryAfter(startApi(TestStack.get().elasticsearchUrl()),
                "/stats", "/cards/hub/mindspore/1.9/refinenet_voc2012/similar");
    }

    @Test
    void statsAndSimilarCardsAreA503TooWhileElasticsearchIsUnreachable() {
        assertEveryAnswerIsA503WithRetryAfter(startApi(URI.create("http://127.0.0.1:" + Ports.free())),
                "/stats", "/cards/hub/mindspore/1.9/refinenet_voc2012/similar");
    }

    private static void assertEveryAnswerIsA503WithRetryAfter(ApiClient api, String... paths) {
        for (String path : paths) {
            ApiClient.Response response = api.get(path);
            assertThat(response.status()).as(path).isEqualTo(503);
            assertThat(response.retryAfter()).as(path).isEqualTo("5");
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        }
    }

    /** An API on a free port over an index nobody created. */
    private ApiClient startApi(URI elasticsearch) {
        server = new ApiService(new ApiConfig("127.0.0.1", 0, elasticsearch, UniqueNames.forTest("api").index()));
        server.start();
        return new ApiClient(server.port());
    }
}
