package io.cardex.it.pipeline;

import io.cardex.api.ApiConfig;
import io.cardex.card.CardRules;
import io.cardex.indexer.IndexerConfig;
import io.cardex.indexer.index.BulkSettings;
import io.cardex.ingest.IngestConfig;
import io.cardex.ingest.git.RepositorySource;
import io.cardex.ingest.http.IngestServerConfig;
import io.cardex.ingest.webhook.WebhookSettings;
import io.cardex.it.support.ApiClient;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.UniqueNames;
import io.cardex.runtime.pipeline.Pipeline;
import io.cardex.runtime.stack.EmbeddedStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
             Pipeline pipeline = Pipeline.start(
                     List.of(new IngestConfig(new RepositorySource.Local(repository.directory()), "hub", Optional.empty(),
                             Optional.empty(), Duration.ofMillis(200), work, stack.kafkaBootstrapServers(),
                             names.topic(), 3, (short) 1, CardRules.DEFAULT)),
                     new IngestServerConfig("127.0.0.1", 0, WebhookSettings.none()),
                     new IndexerConfig(stack.kafkaBootstrapServers(), names.topic(), names.consumerGroup(),
                             stack.elasticsearchUrl(), names.index(), BulkSettings.DEFAULT, Optional.empty()),
                     new ApiConfig("127.0.0.1", 0, stack.elasticsearchUrl(), names.index()))) {
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
