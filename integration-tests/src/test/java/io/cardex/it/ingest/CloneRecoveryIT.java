package io.cardex.it.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cardex.topics.KafkaConnection;
import io.cardex.card.CardRules;
import io.cardex.ingest.IngestConfig;
import io.cardex.ingest.IngestService;
import io.cardex.ingest.RepositoryConfig;
import io.cardex.ingest.RepositoryIngest;
import io.cardex.ingest.git.RepositorySource;
import io.cardex.ingest.WebhookSettings;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.UniqueNames;
import io.cardex.stack.EmbeddedStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.util.FileUtils;
import org.junit.jupiter.api.Test;

/** A broken clone of a remote is reported; once removed, ingest clones again and goes on by itself. */
class CloneRecoveryIT {

    @Test
    void aRemovedBrokenCloneIsClonedAgainWithoutARestart() throws Exception {
        EmbeddedStack stack = TestStack.get();
        UniqueNames names = UniqueNames.forTest("clone-recovery");
        Path work = TempDirectories.create("cardex-it-clone-");
        try (CardRepositoryFixture remote = CardRepositoryFixture.create()
                .addExample("mindspore/1.9/refinenet_voc2012.md")) {
            remote.commit("one card");
            RepositoryConfig config = new RepositoryConfig(RepositorySource.parse(remote.directory().toUri().toString()),
                    "hub", Optional.empty(), Optional.empty(), Duration.ofMillis(200), work,
                    KafkaConnection.open(stack.kafkaBootstrapServers()), names.topic(), 3, (short) 1, CardRules.DEFAULT);
            try (IngestService ingest = new IngestService(new IngestConfig(List.of(config),
                    "127.0.0.1", 0, WebhookSettings.none()))) {
                ingest.start();
                RepositoryIngest service = ingest.repositories().get(0);
                await().atMost(Duration.ofSeconds(30)).until(() -> service.status().eventsPublished() == 1);

                FileUtils.delete(config.cloneDirectory().resolve("objects").toFile(), FileUtils.RECURSIVE);
                remote.edit("mindspore/1.9/refinenet_voc2012.md", card -> card.replace("acc80", "acc81"))
                        .commit("a change the broken clone cannot take");
                await().atMost(Duration.ofSeconds(30)).until(() -> service.status().isFailing());

                FileUtils.delete(config.cloneDirectory().toFile(), FileUtils.RECURSIVE);
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    assertThat(service.status().state()).isEqualTo("up");
                    assertThat(service.status().eventsPublished()).isEqualTo(2);
                });
            }
        } finally {
            TempDirectories.delete(work);
        }
    }
}
