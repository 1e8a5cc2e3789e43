package io.cardex.it.faults;

import io.cardex.it.support.ApiClient;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.TcpProxy;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestPipeline;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.UniqueNames;
import io.cardex.cli.pipeline.Pipeline;
import io.cardex.stack.EmbeddedStack;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
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
             Pipeline pipeline = TestPipeline.over(repository, names, work)
                     .indexerReachingElasticsearchAt(URI.create("http://127.0.0.1:" + proxy.port())).start()) {
            ApiClient api = new ApiClient(pipeline.apiPort());
            repository.commit("two cards");
            await().ignoreExceptions().atMost(Duration.ofSeconds(60))
                    .until(() -> api.search("").at("/total/cards").asInt() == 2);

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
