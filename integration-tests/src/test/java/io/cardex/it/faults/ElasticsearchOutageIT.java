package io.cardex.it.faults;

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
import io.cardex.it.support.TcpProxy;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.UniqueNames;
import io.cardex.runtime.pipeline.Pipeline;
import io.cardex.runtime.stack.EmbeddedStack;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Elasticsearch out of the indexer's reach for a while: after it is back, the index matches the topic. */
class ElasticsearchOutageIT {

    private static final String REFINENET = "mindspore/1.9/refinenet_voc2012.md";
    private static final String DLINKNET = "mindspore/1.7/dlinknet_deepglobe.md";
    private static final String NASFPN = "mindspore/1.6/nasfpn_coco2017.md";
    /** A minute, as the issue asks: the indexer fails many times and backs off to its longest pause (30 s). */
    private static final Duration OUTAGE = Duration.ofSeconds(60);

    @Test
    void changesMadeWhileElasticsearchIsUnreachableAreAllIndexedOnceItIsBack() throws Exception {
        EmbeddedStack stack = TestStack.get();
        UniqueNames names = UniqueNames.forTest("es-outage");
        Path work = TempDirectories.create("cardex-it-outage-");
        URI elasticsearch = stack.elasticsearchUrl();
        try (TcpProxy proxy = new TcpProxy(elasticsearch.getHost(), elasticsearch.getPort());
             CardRepositoryFixture repository = CardRepositoryFixture.create().addExample(REFINENET).addExample(DLINKNET);
             Pipeline pipeline = Pipeline.start(
                     List.of(new IngestConfig(new RepositorySource.Local(repository.directory()), "hub", Optional.empty(),
                             Optional.empty(), Duration.ofMillis(200), work, stack.kafkaBootstrapServers(),
                             names.topic(), 3, (short) 1, CardRules.DEFAULT)),
                     new IngestServerConfig("127.0.0.1", 0, WebhookSettings.none()),
                     new IndexerConfig(stack.kafkaBootstrapServers(), names.topic(), names.consumerGroup(),
                             URI.create("http://127.0.0.1:" + proxy.port()), names.index(), BulkSettings.DEFAULT, Optional.empty()),
                     new ApiConfig("127.0.0.1", 0, elasticsearch, names.index()))) {
            ApiClient api = new ApiClient(pipeline.apiPort());
            repository.commit("two cards");
            await().ignoreExceptions().atMost(Duration.ofSeconds(60))
                    .until(() -> api.search("").path("total").asInt() == 2);

            proxy.cut();
            repository.edit(REFINENET, card -> card.replace("summary: RefineNet is used for cv",
                            "summary: RefineNet written during the outage"))
                    .delete(DLINKNET).addExample(NASFPN).commit("changes during the outage");
            Thread.sleep(OUTAGE.toMillis());
            assertThat(api.searchKeys("outage")).as("nothing reached the index during the outage").isEmpty();
            proxy.restore();

            await().ignoreExceptions().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertThat(api.searchKeys("")).containsExactlyInAnyOrder(
                        "hub/mindspore/1.9/refinenet_voc2012", "hub/mindspore/1.6/nasfpn_coco2017");
                assertThat(api.searchKeys("outage")).containsExactly("hub/mindspore/1.9/refinenet_voc2012");
            });
        } finally {
            TempDirectories.delete(work);
        }
    }
}
