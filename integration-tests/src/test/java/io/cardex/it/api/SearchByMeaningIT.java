package io.cardex.it.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.databind.JsonNode;
import io.cardex.cardindex.ElasticsearchConnection;
import io.cardex.cli.pipeline.Pipeline;
import io.cardex.it.support.ApiClient;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.CardVectors;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestPipeline;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.UniqueNames;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Search by meaning on the example cards, through the whole pipeline: the indexer's meaning stage
 * gives each card its vector after its words, and the API's semantic and hybrid modes find a card
 * by a question none of whose cards holds every word.
 */
class SearchByMeaningIT {

    private static final String QUESTION = "segment roads in satellite images";
    private static final String DLINKNET = "hub/mindspore/1.7/dlinknet_deepglobe";
    private static final String DLINKNET_MODEL = "hub/mindspore/dlinknet_deepglobe";
    private static final String REFINENET = "hub/mindspore/1.9/refinenet_voc2012";
    private static final String PAPER = "hub/papers/2016/refinenet";
    private static final int EXAMPLES = 5;

    private static CardRepositoryFixture repository;
    private static Path work;
    private static UniqueNames names;
    private static Pipeline pipeline;
    private static ApiClient api;

    @BeforeAll
    static void indexTheExampleCards() throws Exception {
        work = TempDirectories.create("cardex-it-meaning-");
        repository = CardRepositoryFixture.create().addEveryExample();
        repository.commit("the example cards");
        names = UniqueNames.forTest("meaning");
        pipeline = TestPipeline.over(repository, names, work).start();
        api = new ApiClient(pipeline.apiPort());
        await().ignoreExceptions().atMost(Duration.ofSeconds(120))
                .until(() -> api.get("/search?group=card&mode=text").body().path("total").asInt() == EXAMPLES);
        // Every test here is about what the meaning adds: each waits for the cards' vectors once, here.
        CardVectors.awaitEvery(names.index(), EXAMPLES);
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        if (repository != null) {
            repository.close();
        }
        TempDirectories.delete(work);
    }

    @Test
    void aQuestionInOtherWordsThanTheCardsFindsItByMeaningOnce() {
        assertThat(keys(search(QUESTION, "mode=text&group=card"))).as("no card holds every word of the question")
                .isEmpty();

        assertThat(keys(search(QUESTION, "mode=semantic&group=card"))).first().isEqualTo(DLINKNET);
        assertThat(keys(search(QUESTION, "mode=hybrid&group=card"))).first().isEqualTo(DLINKNET);
    }

    @Test
    void aSearchWithoutModeIsHybridAndAnswersTheQuestionByMeaning() {
        JsonNode answer = search(QUESTION, "group=card");

        assertThat(keys(answer)).first().isEqualTo(DLINKNET);
        assertThat(answer.path("total").asInt()).as("the cards near enough in meaning count").isEqualTo(keys(answer).size());
        assertThat(answer.has("did_you_mean")).isFalse();
    }

    @Test
    void gibberishIsNearNoCardSoAHybridSearchStillFindsNothingAndSuggests() {
        JsonNode answer = search("refnenett", "group=card");

        assertThat(answer.path("total").asInt()).isZero();
        assertThat(answer.path("did_you_mean").toString()).contains("RefineNet");
    }

    @Test
    void aFacetCountsTheCardsNearInMeaningThatItsOwnFilterLeavesOut() {
        JsonNode filtered = search(QUESTION, "mode=hybrid&group=card&dataset=voc2012&facets=dataset");

        assertThat(keys(filtered)).doesNotContain(DLINKNET);
        assertThat(filtered.at("/facets/dataset").toString()).as("D-LinkNet, found without the filter")
                .contains("{\"value\":\"deepgloberoadextractiondataset\",\"count\":1}");
    }

    @Test
    void similarCardsFuseWordsAndMeaningAndLeaveOutTheCardsOwnModel() {
        JsonNode similar = api.get("/cards/" + DLINKNET + "/similar").body();

        List<String> models = new ArrayList<>();
        similar.path("cards").forEach(card -> models.add(card.path("model").asText()));
        assertThat(models).isNotEmpty().doesNotContain(DLINKNET_MODEL).doesNotHaveDuplicates();
        // Reciprocal rank fusion: a card first in both rankings scores 2 / 61, in one ranking at most 1 / 61.
        similar.path("cards").forEach(card -> assertThat(card.path("score").asDouble()).isBetween(0.0, 2.0 / 61));
    }

    @Test
    void aCardWithoutAVectorYetIsFoundByItsWordsAndIsAlikeByThem() throws IOException {
        // The paper page as it is between the indexing of its words and the writing of its vector.
        try (ElasticsearchConnection elasticsearch = new ElasticsearchConnection(TestStack.get().elasticsearchUrl())) {
            elasticsearch.client().update(u -> u.index(names.index().alias()).id(PAPER)
                    .doc(Collections.singletonMap("meaning", null)).refresh(Refresh.True), Object.class);
        }

        assertThat(keys(search("refinenet", "group=card"))).contains(PAPER, REFINENET);
        ApiClient.Response similar = api.get("/cards/" + PAPER + "/similar");
        assertThat(similar.status()).isEqualTo(200);
        assertThat(similar.body().path("cards").findValuesAsText("key")).doesNotContain(PAPER);
    }

    @Test
    void hybridSearchKeepsFiltersFacetsAndGroupingByModel() {
        JsonNode grouped = search(QUESTION, "mode=hybrid&facets=dataset");
        assertThat(grouped.at("/cards/0/model").asText()).isEqualTo(DLINKNET_MODEL);
        assertThat(grouped.at("/facets/dataset").toString()).contains("deepglobe");

        JsonNode filtered = search(QUESTION, "mode=hybrid&group=card&dataset=voc2012");
        assertThat(keys(filtered)).as("the filter holds: D-LinkNet is trained on DeepGlobe").doesNotContain(DLINKNET)
                .allSatisfy(key -> assertThat(key).contains("voc2012"));
    }

    @Test
    void aNameRanksFirstInHybridAsInText() {
        assertThat(keys(search("refinenet", "mode=hybrid&group=card"))).first()
                .isEqualTo(keys(search("refinenet", "mode=text&group=card")).get(0));
    }

    @Test
    void aChineseQuestionIsAnsweredByItsWords() {
        assertThat(keys(search("语义分割", "mode=hybrid&group=card")))
                .isEqualTo(keys(search("语义分割", "mode=text&group=card"))).contains(REFINENET);
    }

    private static JsonNode search(String question, String parameters) {
        return api.get("/search?q=" + URLEncoder.encode(question, StandardCharsets.UTF_8) + "&" + parameters).body();
    }

    private static List<String> keys(JsonNode answer) {
        List<String> keys = new ArrayList<>();
        answer.path("cards").forEach(card -> keys.add(card.path("key").asText()));
        return keys;
    }
}
