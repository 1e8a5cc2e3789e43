package io.cardex.it.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.cardex.cli.pipeline.Pipeline;
import io.cardex.it.support.ApiClient;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestPipeline;
import io.cardex.it.support.UniqueNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One hit per model on a hub-shaped repository: ResNet-50 published in seven MindSpore versions
 * (the oldest in a backend folder, as the hub's older layout has it), ResNet-101 in two, and the
 * example cards.
 */
class ModelSearchIT {

    private static final String RESNET50 = "hub/mindspore/resnet50_imagenet2012";
    private static final String RESNET101 = "hub/mindspore/resnet101_imagenet2012";
    /** ResNet-50's versions, newest first; the accuracy its cards say grows from 70 (1.10) to 76 (1.3). */
    private static final List<String> RESNET50_VERSIONS = List.of("1.10", "1.9", "1.8", "1.7", "1.6", "1.5", "1.3");
    private static final String OLDEST_IN_A_BACKEND_FOLDER = "hub/mindspore/gpu/1.3/resnet50_imagenet2012";
    private static final int EXAMPLES = 5;

    private static CardRepositoryFixture repository;
    private static Path work;
    private static Pipeline pipeline;
    private static ApiClient api;

    @BeforeAll
    static void indexAHubWithSeveralVersionsPerModel() throws Exception {
        work = TempDirectories.create("cardex-it-models-");
        repository = CardRepositoryFixture.create().addEveryExample();
        for (int i = 0; i < RESNET50_VERSIONS.size(); i++) {
            String version = RESNET50_VERSIONS.get(i);
            repository.addResNet("ResNet50", version.equals("1.3") ? "mindspore/gpu/1.3" : "mindspore/" + version, version, 70 + i);
        }
        repository.addResNet("ResNet101", "mindspore/1.9", "1.9", 78.2).addResNet("ResNet101", "mindspore/1.10", "1.10", 78.5);
        repository.commit("a hub: ResNet-50 in seven versions, ResNet-101 in two, and the examples");
        pipeline = TestPipeline.over(repository, UniqueNames.forTest("models"), work).start();
        api = new ApiClient(pipeline.apiPort());
        await().ignoreExceptions().atMost(Duration.ofSeconds(120))
                .until(() -> api.get("/search?group=card").body().path("total").asInt() == EXAMPLES + 9);
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
    void theFirstPageOfAModelsNameShowsItOnceWithEveryVersionAndItsNewestFirst() {
        // By the words alone, so that the totals count the name's cards only: a hybrid search also
        // counts the cards near in meaning (SearchByMeaningIT groups those by model).
        JsonNode answer = api.get("/search?q=resnet50&mode=text").body();

        assertThat(models(answer)).containsExactly(RESNET50);
        JsonNode hit = answer.at("/cards/0");
        assertThat(hit.path("key").asText()).as("the newest version is shown: 1.10, after 1.9")
                .isEqualTo("hub/mindspore/1.10/resnet50_imagenet2012");
        assertThat(values(hit.path("versions"), "version")).containsExactlyElementsOf(RESNET50_VERSIONS);
        assertThat(hit.at("/versions/6/key").asText()).isEqualTo(OLDEST_IN_A_BACKEND_FOLDER);
        assertThat(hit.at("/versions/6/backend").asText()).isEqualTo("gpu");
        assertThat(hit.at("/versions/0/status").asText()).isEqualTo("valid");
        assertThat(hit.at("/versions/0/metric/name").asText()).isEqualTo("acc");
        assertThat(hit.at("/versions/0/metric/value").asDouble()).isEqualTo(70.0);
        assertThat(hit.path("version_count").asInt()).isEqualTo(7);
        assertThat(answer.at("/total/models").asInt()).isEqualTo(1);
        assertThat(answer.at("/total/cards").asInt()).isEqualTo(7);
        assertThat(hit.at("/highlights/card.title/0").asText()).isEqualTo("<em>ResNet50</em>");
    }

    @Test
    void groupCardAnswersOneHitPerCardAsBefore() {
        JsonNode answer = api.get("/search?q=resnet50&group=card&mode=text").body();

        assertThat(answer.path("total").asInt()).isEqualTo(7);
        assertThat(answer.path("cards")).hasSize(7);
        assertThat(answer.at("/cards/0").has("versions")).isFalse();
    }

    @Test
    void aModelRanksByItsBestCardUnderTheSort() {
        JsonNode byAccuracy = api.get("/search?dataset=imagenet2012&sort=metric:acc").body();

        // ResNet-101's best card (78.5) beats ResNet-50's best (76, its oldest), though 1.10 of ResNet-50 is shown.
        assertThat(models(byAccuracy)).containsExactly(RESNET101, RESNET50);
        assertThat(byAccuracy.at("/cards/1/key").asText()).isEqualTo("hub/mindspore/1.10/resnet50_imagenet2012");
        // Lowest first, ResNet-50's worst card (70) comes before ResNet-101's worst (78.2).
        assertThat(models(api.get("/search?dataset=imagenet2012&sort=metric:acc&order=asc").body()))
                .containsExactly(RESNET50, RESNET101);
    }

    @Test
    void aCursorPagesThroughEveryModelOnce() {
        List<String> seen = new ArrayList<>();
        String next = "/search?size=2&sort=name";
        int pages = 0;
        while (next != null) {
            JsonNode page = api.get(next).body();
            seen.addAll(models(page));
            pages++;
            next = page.has("next_cursor") ? "/search?size=2&sort=name&cursor=" + page.path("next_cursor").asText() : null;
        }
        assertThat(seen).hasSize(EXAMPLES + 2).doesNotHaveDuplicates().contains(RESNET50, RESNET101);
        assertThat(pages).isEqualTo(4);
    }

    @Test
    void facetsCountModelsAndFiltersNarrowTheirVersions() {
        JsonNode answer = api.get("/search?dataset=imagenet2012&facets=dataset,version").body();

        assertThat(answer.at("/total/models").asInt()).isEqualTo(2);
        assertThat(answer.at("/total/cards").asInt()).isEqualTo(9);
        assertThat(counts(answer.at("/facets/version"))).startsWith("1.10=2", "1.9=2");
        assertThat(counts(answer.at("/facets/dataset"))).as("a facet ignores its own filter")
                .contains("imagenet2012=2", "coco2017=2", "voc2012=1");

        JsonNode onlyOld = api.get("/search?q=resnet50&version=1.5&version=1.6").body();
        assertThat(values(onlyOld.at("/cards/0/versions"), "version")).containsExactly("1.6", "1.5");
    }

    @Test
    void similarCardsLeaveOutTheCardsOwnModelAndShowEachOtherModelOnce() {
        JsonNode similar = api.get("/cards/hub/mindspore/1.9/resnet50_imagenet2012/similar").body();

        List<String> models = values(similar.path("cards"), "model");
        assertThat(models).doesNotContain(RESNET50).doesNotHaveDuplicates();
        assertThat(models).first().isEqualTo(RESNET101);
    }

    @Test
    void aModelListsEveryVersionNewestFirstAndAnUnknownOneIsNotFound() {
        ApiClient.Response model = api.get("/models/" + RESNET50);

        assertThat(model.status()).isEqualTo(200);
        assertThat(model.body().path("model").asText()).isEqualTo(RESNET50);
        assertThat(values(model.body().path("versions"), "version")).containsExactlyElementsOf(RESNET50_VERSIONS);

        ApiClient.Response unknown = api.get("/models/hub/mindspore/resnet51_imagenet2012");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body().path("detail").asText()).contains("hub/mindspore/resnet51_imagenet2012");
        assertThat(api.get("/models/Not%20A%20Repo/x/y").status()).isEqualTo(404);
    }

    private static List<String> models(JsonNode answer) {
        return values(answer.path("cards"), "model");
    }

    private static List<String> values(JsonNode list, String field) {
        List<String> values = new ArrayList<>();
        list.forEach(item -> values.add(item.path(field).asText()));
        return values;
    }

    private static List<String> counts(JsonNode facet) {
        List<String> counts = new ArrayList<>();
        facet.forEach(value -> counts.add(value.path("value").asText() + "=" + value.path("count").asInt()));
        return counts;
    }
}
