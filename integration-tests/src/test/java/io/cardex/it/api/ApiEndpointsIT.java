package io.cardex.it.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cardex.topics.KafkaConnection;
import io.cardex.api.ApiConfig;
import io.cardex.api.ApiService;
import io.cardex.api.KafkaSettings;
import io.cardex.indexer.AssetVerification;
import io.cardex.indexer.verify.VerifierConfig;
import io.cardex.it.support.ApiClient;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.CardVectors;
import io.cardex.it.support.TcpProxy;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestPipeline;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.UniqueNames;
import io.cardex.cli.pipeline.Pipeline;
import io.cardex.stack.EmbeddedStack;
import io.cardex.stack.Ports;
import io.cardex.cardindex.CardIndexNames;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Similar cards, stats, readiness, metrics and CORS, through the whole pipeline on the example cards. */
class ApiEndpointsIT {

    private static final String NASFPN = "hub/mindspore/1.6/nasfpn_coco2017";
    private static final String REFINEDET = "hub/mindspore/1.7/refinedet_coco2017";
    private static final String REFINENET = "hub/mindspore/1.9/refinenet_voc2012";
    private static final String BROKEN = "hub/someone/1.0/broken";
    private static final String HUB_PAGE = "https://hub.example.org";

    private static EmbeddedStack stack;
    private static UniqueNames names;
    private static CardRepositoryFixture repository;
    private static RevCommit commit;
    private static Path work;
    private static Pipeline pipeline;
    private static ApiClient api;
    private static final List<ApiService> otherApis = new ArrayList<>();

    @BeforeAll
    static void indexTheExamplesAndABrokenCard() throws Exception {
        stack = TestStack.get();
        names = UniqueNames.forTest("api-endpoints");
        work = TempDirectories.create("cardex-it-endpoints-");
        repository = CardRepositoryFixture.create().addEveryExample().addBrokenCopyOfNasFpn("someone/1.0/broken.md");
        commit = repository.commit("five example cards and a broken one");
        pipeline = TestPipeline.over(repository, names, work)
                // Every asset of the examples is on a host not allowed here: each check ends "blocked", offline.
                .verifyingAssets(new AssetVerification(VerifierConfig.builder().allowedHosts(Set.of("assets.example.org")).build(),
                        Duration.ofHours(1)))
                .allowingOrigins(List.of(HUB_PAGE)).start();
        api = new ApiClient(pipeline.apiPort());
        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).until(() ->
                api.get("/stats").body().at("/cards/by_asset_status/blocked").asInt() == 5
                        && api.get("/stats").body().at("/cards/total").asInt() == 6);
        // Similar cards fuse the words and the vectors: their answer is asserted once both are there.
        CardVectors.awaitEvery(names.index(), 6);
    }

    @AfterAll
    static void stop() {
        otherApis.forEach(ApiService::close);
        pipeline.close();
        repository.close();
        TempDirectories.delete(work);
    }

    @Test
    void similarCardsAreRelatedValidCardsNeverTheCardItself() {
        ApiClient.Response similar = api.get("/cards/" + NASFPN + "/similar");

        assertThat(similar.status()).isEqualTo(200);
        assertThat(similar.body().path("similar_to").asText()).isEqualTo(NASFPN);
        List<String> keys = similar.body().path("cards").findValuesAsText("key");
        // By its vector alone, NAS-FPN's nearest card is D-LinkNet, a road segmenter: the words keep RefineDet first.
        assertThat(keys).first().as("the other card trained on coco2017").isEqualTo(REFINEDET);
        assertThat(keys).doesNotContain(NASFPN, BROKEN);
        JsonNode first = similar.body().path("cards").get(0);
        assertThat(first.path("score").asDouble()).as("the hit of /search: score and card").isPositive();
        assertThat(first.at("/card/header/model_name").asText()).isEqualTo("RefineDet");
    }

    @Test
    void similarCardsTakeASizeAndAStatus() {
        assertThat(api.get("/cards/" + NASFPN + "/similar?size=1").body().path("cards").size()).isEqualTo(1);
        assertThat(api.get("/cards/" + NASFPN + "/similar?status=all").body().path("cards").findValuesAsText("key"))
                .as("the broken copy of nas-fpn, shown only when asked for").startsWith(BROKEN).doesNotContain(NASFPN);
    }

    @Test
    void similarCardsOfAnUnknownCardAreA404() {
        ApiClient.Response missing = api.get("/cards/hub/nobody/1.0/nothing/similar");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.body().path("detail").asText()).contains("'hub/nobody/1.0/nothing'");
    }

    @Test
    void aKeyTooLongToBeACardIsA404NotAServerError() {
        String tooLong = "hub/someone/1.0/" + "x".repeat(600);

        assertThat(api.get("/cards/" + tooLong).status()).isEqualTo(404);
        assertThat(api.get("/cards/" + tooLong + "/similar").status()).isEqualTo(404);
    }

    @Test
    void theCardRouteStillServesTheCard() {
        assertThat(api.get("/cards/" + REFINENET).body().path("key").asText()).isEqualTo(REFINENET);
    }

    @Test
    void statsCountTheCardsByStatusAndAssetStatus() {
        JsonNode cards = api.get("/stats").body().path("cards");

        assertThat(cards.path("total").asInt()).isEqualTo(6);
        assertThat(cards.path("by_status").toString()).isEqualTo("{\"valid\":5,\"invalid\":1}");
        assertThat(cards.at("/by_asset_status/blocked").asInt()).as("every model card has one asset").isEqualTo(5);
        assertThat(cards.at("/by_asset_status/pending").asInt()).isZero();
        assertThat(cards.at("/by_asset_status/verified").asInt()).isZero();
    }

    @Test
    void statsNameTheLastIngestedCommitOfEachRepository() {
        JsonNode lastIngested = api.get("/stats").body().path("last_ingested");

        assertThat(lastIngested.size()).isEqualTo(1);
        assertThat(lastIngested.get(0).path("repository").asText()).isEqualTo("hub");
        assertThat(lastIngested.get(0).path("branch").asText()).isEqualTo("main");
        assertThat(lastIngested.get(0).path("commit").asText()).isEqualTo(commit.getName());
        assertThat(Instant.parse(lastIngested.get(0).path("commit_time").asText()))
                .isEqualTo(Instant.ofEpochSecond(commit.getCommitTime()));
    }

    @Test
    void theIndexingLagComesToNothingOnceEveryChangeIsIndexed() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/stats").body().at("/indexing_lag/events").isNumber()).isTrue());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/stats").body().at("/indexing_lag/events").asLong()).isZero());
        assertThat(Instant.parse(api.get("/stats").body().at("/indexing_lag/last_indexed_at").asText()))
                .isBefore(Instant.now()).isAfter(Instant.now().minus(Duration.ofMinutes(5)));
    }

    @Test
    void theLagOfAGroupThatReadNothingIsEveryEventOfTheTopic() {
        ApiClient other = startApi(apiOver(stack.elasticsearchUrl(), names.index()).withKafka(
                new KafkaSettings(KafkaConnection.open(stack.kafkaBootstrapServers()), names.topic(), names.consumerGroup() + "-nobody")));

        assertThat(other.get("/stats").body().at("/indexing_lag/events").asLong())
                .as("one change per card, and the repository's one record of its skipped files").isEqualTo(6 + 1);
    }

    @Test
    void statsSayWhenKafkaDoesNotAnswerInsteadOfFailing() {
        ApiClient other = startApi(apiOver(stack.elasticsearchUrl(), names.index()).withKafka(
                new KafkaSettings(KafkaConnection.open("127.0.0.1:" + Ports.free()), names.topic(), names.consumerGroup())));

        long started = System.nanoTime();
        ApiClient.Response stats = other.get("/stats");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.body().at("/cards/total").asInt()).isEqualTo(6);
        assertThat(stats.body().at("/indexing_lag/events").isMissingNode()).isTrue();
        assertThat(stats.body().at("/indexing_lag/events_unknown").asText()).isEqualTo("Kafka did not answer within 2 s");
    }

    @Test
    void readyWhenElasticsearchAnswersAndTheIndexExists() {
        ApiClient.Response ready = api.get("/ready");

        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body().path("status").asText()).isEqualTo("ready");
    }

    @Test
    void notReadyBeforeTheIndexIsCreated() {
        CardIndexNames nobodyCreatedIt = UniqueNames.forTest("no-index").index();

        ApiClient.Response ready = startApi(apiOver(stack.elasticsearchUrl(), nobodyCreatedIt)).get("/ready");

        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.retryAfter()).isEqualTo("5");
        assertThat(ready.contentType()).startsWith("application/problem+json");
        assertThat(ready.body().path("detail").asText()).contains("does not exist yet");
    }

    @Test
    void notReadyWhileElasticsearchIsOutOfReachAndReadyAgainAfter() {
        URI elasticsearch = stack.elasticsearchUrl();
        try (TcpProxy proxy = new TcpProxy(elasticsearch.getHost(), elasticsearch.getPort())) {
            ApiClient behindProxy = startApi(apiOver(URI.create("http://127.0.0.1:" + proxy.port()), names.index()));
            assertThat(behindProxy.get("/ready").status()).isEqualTo(200);

            proxy.cut();
            ApiClient.Response cutOff = behindProxy.get("/ready");
            assertThat(cutOff.status()).isEqualTo(503);
            assertThat(cutOff.retryAfter()).isEqualTo("5");
            assertThat(cutOff.body().path("detail").asText()).contains("Elasticsearch cannot be reached");
            assertThat(behindProxy.get("/health").status()).as("alive all the same").isEqualTo(200);

            proxy.restore();
            await().atMost(Duration.ofSeconds(30)).until(() -> behindProxy.get("/ready").status() == 200);
        }
    }

    @Test
    void metricsCountRequestsByRoute() {
        api.get("/cards/" + REFINENET);

        assertThat(api.text("/metrics")).containsPattern(
                "cardex_api_requests_seconds_count\\{method=\"GET\",route=\"/cards/<key>\",status=\"200\"} [1-9]");
    }

    @Test
    void pagesOfAnAllowedOriginMayCallTheApiOthersMayNot() {
        HttpHeaders allowed = api.headers("/search?q=refinenet", "Origin", HUB_PAGE);
        HttpHeaders other = api.headers("/search?q=refinenet", "Origin", "https://elsewhere.example.com");

        assertThat(allowed.firstValue("Access-Control-Allow-Origin")).hasValue(HUB_PAGE);
        assertThat(other.firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static ApiConfig apiOver(URI elasticsearch, CardIndexNames index) {
        return new ApiConfig("127.0.0.1", 0, elasticsearch, index);
    }

    /** An API besides the pipeline's, stopped after the tests. */
    private static ApiClient startApi(ApiConfig config) {
        ApiService server = new ApiService(config);
        otherApis.add(server);
        server.start();
        return new ApiClient(server.port());
    }
}
