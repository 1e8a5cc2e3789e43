package io.cardex.it.pipeline;

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
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real path: a commit, a change event on Kafka, the indexer, Elasticsearch, the API. */
class ThinSliceIT {

    private static final String REFINENET = "mindspore/1.9/refinenet_voc2012.md";
    private static final String NASFPN = "mindspore/1.6/nasfpn_coco2017.md";

    @Test
    void aCommittedCardIsFoundBySearchAndADeletedCardIsGone() throws Exception {
        EmbeddedStack stack = TestStack.get();
        UniqueNames names = UniqueNames.forTest("thin-slice");
        Path work = TempDirectories.create("cardex-it-ingest-");
        try (CardRepositoryFixture repository = CardRepositoryFixture.create().addExample(REFINENET).addExample(NASFPN);
             Pipeline pipeline = TestPipeline.over(repository, names, work).start()) {
            ApiClient api = new ApiClient(pipeline.apiPort());

            repository.commit("two cards");
            await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(api.searchKeys("refinenet")).containsExactly("hub/mindspore/1.9/refinenet_voc2012");
                assertThat(api.searchKeys("nas-fpn")).containsExactly("hub/mindspore/1.6/nasfpn_coco2017");
            });

            repository.edit(REFINENET, card -> card.replace("summary: RefineNet is used for cv",
                            "summary: RefineNet segments street scenes"))
                    .delete(NASFPN)
                    .commit("edit one card, delete another");
            await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(api.searchKeys("street scenes")).containsExactly("hub/mindspore/1.9/refinenet_voc2012");
                assertThat(api.searchKeys("nas-fpn")).isEmpty();
            });
        } finally {
            TempDirectories.delete(work);
        }
    }
}
