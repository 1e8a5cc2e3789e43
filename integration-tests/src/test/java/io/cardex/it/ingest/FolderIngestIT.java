package io.cardex.it.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cardex.topics.KafkaConnection;
import io.cardex.card.CardRules;
import io.cardex.card.event.CardChange;
import io.cardex.ingest.IngestConfig;
import io.cardex.ingest.IngestService;
import io.cardex.ingest.RepositoryConfig;
import io.cardex.ingest.git.RepositorySource;
import io.cardex.ingest.WebhookSettings;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.TopicReader;
import io.cardex.it.support.UniqueNames;
import io.cardex.stack.EmbeddedStack;
import io.cardex.stack.Installation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A plain folder of cards, without git, is published and watched. */
class FolderIngestIT {

    private static final String REFINENET = "mindspore/1.9/refinenet_voc2012.md";

    @Test
    void aCardSavedInTheFolderIsPublishedWithoutWaitingForAPoll() throws Exception {
        EmbeddedStack stack = TestStack.get();
        UniqueNames names = UniqueNames.forTest("folder");
        Path folder = TempDirectories.create("cardex-it-folder-");
        Path work = TempDirectories.create("cardex-it-folder-work-");
        Files.createDirectories(folder.resolve(REFINENET).getParent());
        Files.copy(Installation.current().examples().resolve(REFINENET), folder.resolve(REFINENET));
        RepositoryConfig config = new RepositoryConfig(RepositorySource.parse(folder.toString()), "disk", Optional.empty(),
                Optional.empty(), Duration.ofHours(1), work, KafkaConnection.open(stack.kafkaBootstrapServers()), names.topic(), 3,
                (short) 1, CardRules.DEFAULT);
        TopicReader topic = new TopicReader(stack.kafkaBootstrapServers(), names.topic());
        try (IngestService ingest = new IngestService(new IngestConfig(List.of(config),
                "127.0.0.1", 0, WebhookSettings.none()))) {
            ingest.start();
            assertThat(topic.readAll(1)).hasSize(1);

            Files.createDirectories(folder.resolve("someone/1.0"));
            Files.writeString(folder.resolve("someone/1.0/new.md"), "---\nmodel-name: saved on disk\n---\n");
            Files.delete(folder.resolve(REFINENET));

            List<CardChange> changes = topic.readAll(3);
            assertThat(changes).extracting(change -> change.getClass().getSimpleName(), change -> change.key().toString())
                    .containsExactlyInAnyOrder(
                            tuple("Upsert", "disk/mindspore/1.9/refinenet_voc2012"),
                            tuple("Upsert", "disk/someone/1.0/new"),
                            tuple("Deletion", "disk/mindspore/1.9/refinenet_voc2012"));
            assertThat(Files.exists(folder.resolve(".git"))).as("the folder is only read").isFalse();
        } finally {
            TempDirectories.delete(folder);
            TempDirectories.delete(work);
        }
    }
}
