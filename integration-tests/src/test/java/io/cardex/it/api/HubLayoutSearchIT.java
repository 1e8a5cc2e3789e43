package io.cardex.it.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cardex.cli.pipeline.Pipeline;
import io.cardex.it.support.ApiClient;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestPipeline;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.UniqueNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real cards of MindSpore Hub as the hub files them (src/test/resources/cards/hub), beside an
 * example card: a default search, which shows only valid cards, finds a card by its module type,
 * a card filed under a backend folder, and a card whose checkpoint is on the hub's mirror; the
 * backend folder is a filter and a facet.
 */
class HubLayoutSearchIT {

    private static final String REFINENET = "hub/mindspore/1.9/refinenet_voc2012";
    private static final String GNN = "hub/mindspore/1.10/dgcn_pubmed";
    private static final String ON_GPU = "hub/noah-cvlab/gpu/1.0/ghostnet_v1.0_oxford_pets";
    private static final String ON_ASCEND = "hub/mindspore/ascend/1.0/deepfm_v1.0";
    private static final String MIRRORED = "hub/mindspore/2.3/convit_tiny_imagenet2012";
    private static final List<String> HUB_CARDS = List.of(
            "mindspore/1.10/dgcn_pubmed.md", "noah-cvlab/gpu/1.0/ghostnet_v1.0_oxford_pets.md",
            "mindspore/ascend/1.0/deepfm_v1.0.md", "mindspore/2.3/convit_tiny_imagenet2012.md");

    private static CardRepositoryFixture repository;
    private static Path work;
    private static Pipeline pipeline;
    private static ApiClient api;

    @BeforeAll
    static void indexRealHubCards() throws Exception {
        TestStack.get();
        work = TempDirectories.create("cardex-it-hub-layout-");
        repository = CardRepositoryFixture.create().addExample("mindspore/1.9/refinenet_voc2012.md");
        HUB_CARDS.forEach(path -> repository.write(path, resource("cards/hub/" + path)));
        repository.commit("real cards of the hub, in both its layouts");
        pipeline = TestPipeline.over(repository, UniqueNames.forTest("hub-layout"), work).start();
        api = new ApiClient(pipeline.apiPort());
        await().ignoreExceptions().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("/search?group=card&status=all").body().path("total").asInt() == HUB_CARDS.size() + 1);
    }

    @AfterAll
    static void stop() {
        pipeline.close();
        repository.close();
        TempDirectories.delete(work);
    }

    @Test
    void aDefaultSearchShowsEveryRealCardAsValid() {
        assertThat(api.keys("/search?group=card&size=100")).containsExactlyInAnyOrder(REFINENET, GNN, ON_GPU, ON_ASCEND, MIRRORED);
    }

    @Test
    void aDefaultSearchFindsACardByItsModuleType() {
        assertThat(api.searchKeys("gnn")).containsExactly(GNN);
        assertThat(api.searchKeys("recommend")).containsExactly(ON_ASCEND);
    }

    @Test
    void aDefaultSearchFindsACardFiledUnderABackendFolder() {
        // First, not alone: a hybrid search also answers the cards near "ghostnet" in meaning, after it.
        assertThat(api.searchKeys("ghostnet")).first().isEqualTo(ON_GPU);
        assertThat(api.wordSearchKeys("ghostnet")).containsExactly(ON_GPU);
        assertThat(api.get("/cards/" + ON_GPU).body().path("backend").asText()).isEqualTo("gpu");
    }

    @Test
    void aDefaultSearchFindsACardWhoseCheckpointIsOnTheMirror() {
        JsonNode found = api.search("convit").path("cards");

        assertThat(found).hasSize(1);
        assertThat(found.get(0).path("key").asText()).isEqualTo(MIRRORED);
        assertThat(found.get(0).path("status").asText()).isEqualTo("valid");
        assertThat(found.get(0).at("/card/header/assets/0/link").asText()).startsWith("https://download-mindspore.osinfra.cn/");
    }

    @Test
    void theBackendFolderIsAFilterAndAFacet() {
        assertThat(api.keys("/search?group=card&backend=GPU")).containsExactly(ON_GPU);
        assertThat(api.keys("/search?group=card&backend=gpu&backend=ascend")).containsExactlyInAnyOrder(ON_GPU, ON_ASCEND);
        assertThat(counts(api.get("/search?group=card&backend=gpu&facets=backend").body().at("/facets/backend")))
                .as("the facet ignores its own filter").containsExactly("ascend=1", "gpu=1");
        assertThat(api.get("/cards/" + REFINENET).body().has("backend")).as("a card filed without one").isFalse();
    }

    private static List<String> counts(JsonNode facet) {
        List<String> counts = new ArrayList<>();
        facet.forEach(count -> counts.add(count.path("value").asText() + "=" + count.path("count").asInt()));
        return counts;
    }

    private static String resource(String name) {
        try (InputStream text = HubLayoutSearchIT.class.getClassLoader().getResourceAsStream(name)) {
            return new String(Objects.requireNonNull(text, name).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
