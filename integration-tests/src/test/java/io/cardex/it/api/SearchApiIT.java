package io.cardex.it.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cardex.it.support.ApiClient;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestPipeline;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.UniqueNames;
import io.cardex.cli.pipeline.Pipeline;
import io.cardex.stack.EmbeddedStack;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What GET /search offers besides words: filters, facets, sorting, paging, highlights and typos, on the example cards. */
class SearchApiIT {

    private static final String REFINENET = "hub/mindspore/1.9/refinenet_voc2012";
    private static final String REFINEDET = "hub/mindspore/1.7/refinedet_coco2017";
    private static final String NASFPN = "hub/mindspore/1.6/nasfpn_coco2017";
    private static final String DLINKNET = "hub/mindspore/1.7/dlinknet_deepglobe";
    private static final String PAPER = "hub/papers/2016/refinenet";
    private static final List<String> EVERY_CARD = List.of(REFINENET, REFINEDET, NASFPN, DLINKNET, PAPER);

    private static CardRepositoryFixture repository;
    private static Path work;
    private static Pipeline pipeline;
    private static ApiClient api;

    @BeforeAll
    static void indexTheExampleCards() throws Exception {
        EmbeddedStack stack = TestStack.get();
        UniqueNames names = UniqueNames.forTest("search-api");
        work = TempDirectories.create("cardex-it-search-api-");
        repository = CardRepositoryFixture.create()
                .addExample("mindspore/1.9/refinenet_voc2012.md")
                .addExample("mindspore/1.7/refinedet_coco2017.md")
                .addExample("mindspore/1.6/nasfpn_coco2017.md")
                .addExample("mindspore/1.7/dlinknet_deepglobe.md")
                .addExample("papers/2016/refinenet.md");
        repository.commit("the example cards");
        pipeline = TestPipeline.over(repository, names, work).start();
        api = new ApiClient(pipeline.apiPort());
        await().ignoreExceptions().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/search").body().at("/total/cards").asInt() == EVERY_CARD.size());
    }

    @AfterAll
    static void stop() {
        pipeline.close();
        repository.close();
        TempDirectories.delete(work);
    }

    @Test
    void aFilterKeepsTheCardsWithOneOfItsValuesAndFiltersOfTwoFieldsBothApply() {
        assertThat(api.keys("/search?dataset=COCO2017")).containsExactlyInAnyOrder(NASFPN, REFINEDET);
        assertThat(api.keys("/search?dataset=coco2017&dataset=voc2012")).containsExactlyInAnyOrder(NASFPN, REFINEDET, REFINENET);
        assertThat(api.keys("/search?dataset=coco2017&dataset=voc2012&version=1.7")).containsExactly(REFINEDET);
        assertThat(api.keys("/search?q=refinenet&kind=paper")).containsExactly(PAPER);
        assertThat(api.keys("/search?user=papers")).containsExactly(PAPER);
    }

    @Test
    void cardsFoundLeaveOutTheirLongTextsWhichTheWholeCardHas() {
        JsonNode found = api.get("/search?q=refinenet&kind=model").body().at("/cards/0");
        JsonNode whole = api.get("/cards/" + found.path("key").asText()).body();

        assertThat(found.at("/card/body/markdown").isMissingNode()).isTrue();
        assertThat(found.at("/card/body/sections/0/heading").asText()).isNotBlank();
        assertThat(found.at("/card/body/sections/0/text").isMissingNode()).isTrue();
        assertThat(whole.at("/card/body/markdown").asText()).contains("RefineNet");
        assertThat(whole.at("/card/body/sections/0/text").isMissingNode()).isFalse();
        assertThat(whole.has("identifier_words")).as("the words derived to search by are not served").isFalse();
    }

    @Test
    void facetsCountTheCardsFoundEachIgnoringOnlyItsOwnFilter() {
        JsonNode answer = api.get("/search?dataset=coco2017&facets=dataset,version,kind").body();

        assertThat(answer.at("/total/models").asInt()).isEqualTo(2);
        assertThat(counts(answer.at("/facets/dataset")))
                .containsExactly("coco2017=2", "deepgloberoadextractiondataset=1", "voc2012=1");
        assertThat(counts(answer.at("/facets/version"))).containsExactly("1.6=1", "1.7=1");
        assertThat(counts(answer.at("/facets/kind"))).containsExactly("model=2");
        assertThat(api.get("/search").body().has("facets")).as("no facets unless asked").isFalse();
    }

    @Test
    void cardsSortByNameFromAToZWithPaperPagesLast() {
        assertThat(api.keys("/search?sort=name")).containsExactly(DLINKNET, NASFPN, REFINEDET, REFINENET, PAPER);
        assertThat(api.keys("/search?sort=name&order=desc")).containsExactly(REFINENET, REFINEDET, NASFPN, DLINKNET, PAPER);
    }

    @Test
    void cardsSortByAMetricOfTheirEvaluationHighestFirstAndThoseWithoutItLast() {
        List<String> byAccuracy = api.keys("/search?sort=metric:acc");

        assertThat(byAccuracy.subList(0, 3)).containsExactly(DLINKNET, REFINENET, REFINEDET);
        assertThat(byAccuracy.subList(3, 5)).containsExactlyInAnyOrder(NASFPN, PAPER);
        assertThat(api.keys("/search?sort=metric:map")).first().isEqualTo(NASFPN);
    }

    @Test
    void theNewestCardComesFirstSortedByUpdate() {
        assertThat(api.keys("/search?sort=updated")).first().isEqualTo(REFINENET);
        assertThat(api.keys("/search?sort=updated&order=asc")).first().isEqualTo(NASFPN);
    }

    @Test
    void aCursorPagesThroughEveryCardOnceWhateverTheSort() {
        for (String sort : List.of("relevance", "name", "updated", "metric:acc")) {
            List<String> seen = new ArrayList<>();
            String next = "/search?size=2&sort=" + sort;
            int pages = 0;
            while (next != null) {
                JsonNode page = api.get(next).body();
                page.path("cards").forEach(card -> seen.add(card.path("key").asText()));
                pages++;
                next = page.has("next_cursor") ? "/search?size=2&sort=" + sort + "&cursor=" + page.path("next_cursor").asText()
                        : null;
            }
            assertThat(seen).as("sorted by " + sort).containsExactlyInAnyOrderElementsOf(EVERY_CARD);
            assertThat(pages).as("pages sorted by " + sort).isEqualTo(3);
        }
    }

    @Test
    void theWordsFoundAreHighlightedInTheText() {
        List<JsonNode> hits = new ArrayList<>();
        api.search("segments").path("cards").forEach(hits::add);
        // Not necessarily first: a hybrid search may rank a card nearer in meaning above it.
        JsonNode card = hits.stream().filter(hit -> hit.path("key").asText().equals(REFINENET)).findFirst().orElseThrow();

        assertThat(card.at("/highlights/card.body.markdown/0").asText()).contains("RefineNet <em>segments</em> images");
    }

    @Test
    void aModelNameWithOneLetterWrongIsStillFoundButTheExactNameRanksFirst() {
        assertThat(api.searchKeys("refinnet")).contains(REFINENET);
        assertThat(api.searchKeys("dlinknt")).containsExactly(DLINKNET);
        assertThat(api.searchKeys("refinedet")).first().isEqualTo(REFINEDET);
        assertThat(api.searchKeys("refinenet")).first().isEqualTo(REFINENET);
        assertThat(api.searchKeys("refinnet -voc2012")).doesNotContain(REFINENET);
    }

    @Test
    void anExcludedWordKeepsACardOutEvenWhenItCitesAPaperThatMatches() {
        assertThat(api.searchKeys("refinenet")).contains(PAPER, REFINENET);
        assertThat(api.searchKeys("refinenet -voc2012")).contains(PAPER).doesNotContain(REFINENET);
    }

    @Test
    void theQuerySyntaxOfLuceneInWordsIsPlainTextNeverAnError() {
        for (String words : List.of("title:refinenet", "(refinenet", "refinenet)", "refine*", "refinenet~2", "[a TO z]",
                "/refi.*/", "refinenet AND", "refinenet || voc2012", "\\", "{!lucene}refinenet", "card.header.*:x")) {
            assertThat(api.get("/search?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8)).status())
                    .as("status of a search for %s", words).isEqualTo(200);
        }
        assertThat(api.searchKeys("(refinenet)")).contains(REFINENET);
    }

    private static List<String> counts(JsonNode facet) {
        List<String> counts = new ArrayList<>();
        facet.forEach(value -> counts.add(value.path("value").asText() + "=" + value.path("count").asInt()));
        return counts;
    }
}
