package io.cardex.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cardex.it.support.ApiClient;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestPipeline;
import io.cardex.it.support.UniqueNames;
import io.cardex.cli.pipeline.Pipeline;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Injects: the remote card repository unreachable (its URL leads nowhere) while cards change in
 * it. Checks: ingest reports the failure on /health and keeps trying; once the remote is back it
 * publishes what changed by itself, and the index holds exactly the cards of the new head.
 */
class RemoteUnreachableIT {

    private static final String REFINENET = "mindspore/1.9/refinenet_voc2012.md";
    private static final String DLINKNET = "mindspore/1.7/dlinknet_deepglobe.md";
    private static final String NASFPN = "mindspore/1.6/nasfpn_coco2017.md";

    @Test
    void changesMadeWhileTheRemoteIsUnreachableArePublishedOnceItIsBack() throws Exception {
        UniqueNames names = UniqueNames.forTest("remote-unreachable");
        Path work = TempDirectories.create("cardex-it-remote-");
        // The remote's URL is a link to the repository: removing the link makes the URL lead nowhere.
        Path link = work.resolve("remote.git");
        try (CardRepositoryFixture remote = CardRepositoryFixture.create().addExample(REFINENET).addExample(DLINKNET)) {
            remote.commit("two cards");
            Files.createSymbolicLink(link, remote.directory());
            try (Pipeline pipeline = TestPipeline.over(remote, names, work.resolve("ingest"))
                    .cloningFrom(link.toUri()).start()) {
                ApiClient api = new ApiClient(pipeline.apiPort());
                await().ignoreExceptions().atMost(Duration.ofSeconds(60))
                        .until(() -> api.search("").at("/total/cards").asInt() == 2);

                Files.delete(link);
                remote.edit(REFINENET, card -> card.replace("summary: RefineNet is used for cv",
                                "summary: RefineNet changed while the remote was away"))
                        .delete(DLINKNET).addExample(NASFPN).commit("changes while the remote is unreachable");
                await().atMost(Duration.ofSeconds(60)).until(() -> health(pipeline.ingestPort()) == 503);
                assertThat(api.searchKeys("away")).as("nothing new can be fetched").isEmpty();

                Files.createSymbolicLink(link, remote.directory());
                await().ignoreExceptions().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                    assertThat(api.searchKeys("")).containsExactlyInAnyOrder(
                            "hub/mindspore/1.9/refinenet_voc2012", "hub/mindspore/1.6/nasfpn_coco2017");
                    assertThat(api.searchKeys("away")).containsExactly("hub/mindspore/1.9/refinenet_voc2012");
                });
                await().atMost(Duration.ofSeconds(60)).until(() -> health(pipeline.ingestPort()) == 200);
            }
        } finally {
            TempDirectories.delete(work);
        }
    }

    private static int health(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
