package io.cardex.it.indexer;

import io.cardex.indexer.reindex.Reindexer;
import io.cardex.it.support.ApiClient;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestPipeline;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.UniqueNames;
import io.cardex.cli.pipeline.Pipeline;
import io.cardex.stack.EmbeddedStack;
import io.cardex.cardindex.ElasticsearchConnection;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A reindex builds the next index version from the topic and swaps it in while everything runs. */
class ReindexIT {

    private static final String REFINENET = "mindspore/1.9/refinenet_voc2012.md";

    @Test
    void theNewIndexVersionHoldsEveryCardAndTakesTheChangesThatFollow() throws Exception {
        EmbeddedStack stack = TestStack.get();
        UniqueNames names = UniqueNames.forTest("reindex");
        Path work = TempDirectories.create("cardex-it-reindex-");
        try (CardRepositoryFixture repository = CardRepositoryFixture.create().addExample(REFINENET)
                .addExample("mindspore/1.7/dlinknet_deepglobe.md").addExample("papers/2016/refinenet.md");
             Pipeline pipeline = TestPipeline.over(repository, names, work).start();
             ElasticsearchConnection elasticsearch = new ElasticsearchConnection(stack.elasticsearchUrl())) {
            ApiClient api = new ApiClient(pipeline.apiPort());
            repository.commit("three cards");
            await().ignoreExceptions().atMost(Duration.ofSeconds(60))
                    .until(() -> api.search("").at("/total/cards").asInt() == 3);

            Reindexer.Result result = new Reindexer(TestPipeline.over(repository, names, work).indexer()).run();

            assertThat(result.oldIndex()).isEqualTo(names.index().versionedIndex(1));
            assertThat(result.newIndex()).isEqualTo(names.index().versionedIndex(2));
            assertThat(elasticsearch.client().indices().getAlias(a -> a.name(names.index().alias())).result())
                    .containsOnlyKeys(names.index().versionedIndex(2));
            assertThat(api.search("").at("/total/cards").asInt()).isEqualTo(3);
            assertThat(api.searchKeys("ADE20K")).containsExactlyInAnyOrder(
                    "hub/papers/2016/refinenet", "hub/mindspore/1.9/refinenet_voc2012");

            repository.edit(REFINENET, card -> card.replace("summary: RefineNet is used for cv",
                    "summary: RefineNet after the reindex")).commit("a change after the swap");
            await().ignoreExceptions().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(api.searchKeys("after the reindex"))
                            .containsExactly("hub/mindspore/1.9/refinenet_voc2012"));
        } finally {
            TempDirectories.delete(work);
        }
    }
}
