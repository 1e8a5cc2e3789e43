package io.cardex.it.faults;

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

/**
 * The Kafka broker stopped while cards change, then started again: ingest publishes what changed
 * meanwhile, the indexer writes it, and the index ends up with exactly the cards of the
 * repository's head, none lost and none stale.
 */
class KafkaRestartIT {

    private static final String REFINENET = "mindspore/1.9/refinenet_voc2012.md";
    private static final String DLINKNET = "mindspore/1.7/dlinknet_deepglobe.md";
    private static final String NASFPN = "mindspore/1.6/nasfpn_coco2017.md";
    /** Long enough for ingest to fail a publish and for the indexer to lose its group coordinator. */
    private static final Duration DOWN = Duration.ofSeconds(10);

    @Test
    void cardsChangedWhileKafkaIsDownAreAllIndexedOnceItIsBack() throws Exception {
        EmbeddedStack stack = TestStack.get();
        UniqueNames names = UniqueNames.forTest("kafka-restart");
        Path work = TempDirectories.create("cardex-it-kafka-restart-");
        try (CardRepositoryFixture repository = CardRepositoryFixture.create().addExample(REFINENET).addExample(DLINKNET);
             Pipeline pipeline = TestPipeline.over(repository, names, work).start()) {
            ApiClient api = new ApiClient(pipeline.apiPort());
            repository.commit("two cards");
            await().ignoreExceptions().atMost(Duration.ofSeconds(60))
                    .until(() -> api.search("").at("/total/cards").asInt() == 2);

            stack.stopKafka();
            try {
                repository.edit(REFINENET, card -> card.replace("summary: RefineNet is used for cv",
                                "summary: RefineNet written while the broker restarted"))
                        .delete(DLINKNET).addExample(NASFPN).commit("changes while Kafka is down");
                Thread.sleep(DOWN.toMillis());
                assertThat(api.searchKeys("broker")).as("nothing can reach the index while Kafka is down").isEmpty();
            } finally {
                stack.startKafka();
            }

            await().ignoreExceptions().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                assertThat(api.searchKeys("")).containsExactlyInAnyOrder(
                        "hub/mindspore/1.9/refinenet_voc2012", "hub/mindspore/1.6/nasfpn_coco2017");
                assertThat(api.searchKeys("broker")).containsExactly("hub/mindspore/1.9/refinenet_voc2012");
            });

            repository.edit(NASFPN, card -> card.replace("summary: ", "summary: Changed after the restart. "))
                    .commit("a change after the restart");
            await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(api.searchKeys("\"after the restart\"")).containsExactly("hub/mindspore/1.6/nasfpn_coco2017"));
        } finally {
            TempDirectories.delete(work);
        }
    }
}
