package io.cardex.it.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.cardex.it.support.ApiClient;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestPipeline;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.UniqueNames;
import io.cardex.cli.pipeline.Pipeline;
import io.cardex.stack.EmbeddedStack;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the cards of issue 3 add to search, through the whole pipeline: languages, papers, broken cards. */
class CardSearchIT {

    private static final String REFINENET = "hub/mindspore/1.9/refinenet_voc2012";
    private static final String PAPER = "hub/papers/2016/refinenet";
    private static final String BROKEN = "hub/someone/1.0/broken";

    private static CardRepositoryFixture repository;
    private static Path work;
    private static Pipeline pipeline;
    private static ApiClient api;

    @BeforeAll
    static void indexTheExamplesAndABrokenCard() throws Exception {
        EmbeddedStack stack = TestStack.get();
        UniqueNames names = UniqueNames.forTest("card-search");
        work = TempDirectories.create("cardex-it-search-");
        repository = CardRepositoryFixture.create()
                .addExample("mindspore/1.9/refinenet_voc2012.md")
                .addExample("mindspore/1.9/refinenet_voc2012_cn.md")
                .addExample("mindspore/1.7/dlinknet_deepglobe.md")
                .addExample("papers/2016/refinenet.md")
                .write("someone/1.0/broken.md", """
                        # Broken
                        ---
                        model-name: brokenmodel
                        module-type: vision
                        fine-tunable: perhaps
                        training-hardware: eight ascend boards
                        ---
                        A card with problems is still a card.
                        """);
        repository.commit("examples, a paper page and a broken card");
        pipeline = TestPipeline.over(repository, names, work).start();
        api = new ApiClient(pipeline.apiPort());
        await().ignoreExceptions().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/search?status=all").body().at("/total/cards").asInt() == 4);
    }

    @AfterAll
    static void stop() {
        pipeline.close();
        repository.close();
        TempDirectories.delete(work);
    }

    @Test
    void aDatasetOfThePaperFindsThePaperAndTheModelThatCitesIt() {
        assertThat(api.searchKeys("ADE20K")).containsExactlyInAnyOrder(PAPER, REFINENET);
        assertThat(api.searchKeys("\"semantic segmentation\" cityscapes")).containsExactlyInAnyOrder(PAPER, REFINENET);
    }

    @Test
    void theChineseTextOfACardIsSearchable() {
        assertThat(api.searchKeys("语义分割")).containsExactly(REFINENET);
    }

    @Test
    void aBrokenCardIsIndexedWithItsProblemsSoItCanBeFoundButNotByDefault() {
        assertThat(api.searchKeys("brokenmodel")).isEmpty();
        assertThat(api.searchKeys("brokenmodel", "invalid")).containsExactly(BROKEN);
        assertThat(api.searchKeys("", "invalid")).containsExactly(BROKEN);
        JsonNode card = api.get("/search?status=all&q=brokenmodel").body().path("cards").get(0);
        assertThat(card.path("status").asText()).isEqualTo("invalid");
        assertThat(card.at("/card/problems").findValuesAsText("code"))
                .contains("unknown-module-type", "invalid-boolean", "missing-field");
    }

    @Test
    void headerKeysCardexDoesNotKnowAreSearchable() {
        assertThat(api.searchKeys("ascend boards", "all")).containsExactly(BROKEN);
    }

    @Test
    void aWholeCardIsServedByItsKey() {
        ApiClient.Response card = api.get("/cards/" + REFINENET);
        assertThat(card.status()).isEqualTo(200);
        assertThat(card.body().path("key").asText()).isEqualTo(REFINENET);
        assertThat(card.body().at("/card/chinese/summary").asText()).isEqualTo("RefineNet 用于图像语义分割");
        assertThat(card.body().at("/source/paths").size()).isEqualTo(2);

        ApiClient.Response missing = api.get("/cards/hub/nobody/1.0/nothing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.body().path("detail").asText()).contains("'hub/nobody/1.0/nothing'");
    }

    @Test
    void identifiersAreFoundByTheirPartsInAWordSearch() {
        assertThat(api.wordSearchKeys("road extraction")).containsExactly("hub/mindspore/1.7/dlinknet_deepglobe");
        assertThat(api.wordSearchKeys("deepglobe")).containsExactly("hub/mindspore/1.7/dlinknet_deepglobe");
    }

    @Test
    void modelNamesAreSuggestedFromTheirFirstLetters() {
        assertThat(api.get("/suggest?prefix=Refi").body().path("suggestions").toString()).isEqualTo("[\"RefineNet\"]");
        assertThat(api.get("/suggest?prefix=dl").body().path("suggestions").toString()).isEqualTo("[\"dlinknet\"]");
        assertThat(api.get("/suggest").status()).isEqualTo(400);
    }

    @Test
    void thePapersACardCitesAreStoredNormalised() {
        JsonNode card = api.search("refinenet voc2012").path("cards").get(0);
        assertThat(card.at("/card/body/papers/0/scheme").asText()).isEqualTo("arxiv");
        assertThat(card.at("/card/body/papers/0/id").asText()).isEqualTo("1611.06612");
    }
}
