package io.cardex.it.pipeline;

import io.cardex.it.support.ApiClient;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestPipeline;
import io.cardex.it.support.UniqueNames;
import io.cardex.cli.pipeline.Pipeline;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A paper page committed after the model card citing it links the two: a search for words of the
 * paper (its dataset) finds the model too, within the seconds the API remembers which papers some
 * words match, without the model card being indexed again.
 */
class PaperLinkIT {

    private static final String REFINENET = "hub/mindspore/1.9/refinenet_voc2012";
    private static final String PAPER = "hub/papers/2016/refinenet";
    /** A dataset named only by the paper page, not by the model card. */
    private static final String WORDS_OF_THE_PAPER_ONLY = "ADE20K";

    @Test
    void aPaperPageAddedLaterLinksTheModelAlreadyIndexed() throws Exception {
        Path work = TempDirectories.create("cardex-it-paper-link-");
        try (CardRepositoryFixture repository = CardRepositoryFixture.create()
                .addExample("mindspore/1.9/refinenet_voc2012.md")) {
            repository.commit("a model card citing a paper that has no page yet");
            try (Pipeline pipeline = TestPipeline.over(repository, UniqueNames.forTest("paper-link"), work).start()) {
                ApiClient api = new ApiClient(pipeline.apiPort());
                await().ignoreExceptions().atMost(Duration.ofSeconds(60))
                        .until(() -> api.searchKeys("refinenet").contains(REFINENET));
                assertThat(api.searchKeys(WORDS_OF_THE_PAPER_ONLY)).isEmpty();

                repository.addExample("papers/2016/refinenet.md").commit("the paper's page");

                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                        .until(() -> api.searchKeys(WORDS_OF_THE_PAPER_ONLY).size() == 2);
                assertThat(api.searchKeys(WORDS_OF_THE_PAPER_ONLY)).containsExactlyInAnyOrder(PAPER, REFINENET);
            }
        } finally {
            TempDirectories.delete(work);
        }
    }
}
