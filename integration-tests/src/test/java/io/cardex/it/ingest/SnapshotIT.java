package io.cardex.it.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardex.card.CardRules;
import io.cardex.card.SkipReason;
import io.cardex.card.SkippedFile;
import io.cardex.card.event.CardChange;
import io.cardex.ingest.IngestPass;
import io.cardex.ingest.Ingestor;
import io.cardex.ingest.PassProgress;
import io.cardex.ingest.RepositoryConfig;
import io.cardex.ingest.cursor.CursorStore;
import io.cardex.ingest.git.CardRepository;
import io.cardex.ingest.git.LoggingProgressMonitor;
import io.cardex.ingest.git.RepositorySource;
import io.cardex.ingest.publish.ChangePublisher;
import io.cardex.ingest.publish.PublishException;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.TopicReader;
import io.cardex.it.support.UniqueNames;
import io.cardex.stack.EmbeddedStack;
import io.cardex.topics.CardChangeTopic;
import io.cardex.topics.KafkaConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A first snapshot streams the repository's cards through a bounded window of readers to a real
 * Kafka: more cards than the window holds are each published once, and the cursor moves only
 * once Kafka acknowledged them all.
 */
class SnapshotIT {

    /** More than the readers hold at once (64 cards a core) on any machine these tests run on. */
    private static final int RESNETS = 700;
    private static final String BROKEN = "hub-community/1.6/nasfpn_broken.md";

    private final EmbeddedStack stack = TestStack.get();
    private final UniqueNames names = UniqueNames.forTest("snapshot");
    private CardRepositoryFixture repository;
    private Path work;
    private String head;

    @BeforeEach
    void writeRepository() {
        repository = CardRepositoryFixture.create().addExample("mindspore/1.9/refinenet_voc2012.md")
                .addExample("mindspore/1.9/refinenet_voc2012_cn.md").addBrokenCopyOfNasFpn(BROKEN)
                .write("mindspore/1.9/alone_cn.md", "模型名称: alone\n")
                .write("mindspore/1.9/image.md", "PNG\u0000\u0001")
                .write("mindspore/1.9/notes.txt", "not a card");
        for (int i = 0; i < RESNETS; i++) {
            repository.addResNet("ResNet" + i, "mindspore/1." + (i % 7), "1." + (i % 7), 70 + i % 10);
        }
        head = repository.commit("a hub").name();
        work = TempDirectories.create("cardex-it-snapshot-");
    }

    @AfterEach
    void close() {
        repository.close();
        TempDirectories.delete(work);
    }

    @Test
    void aSnapshotOfMoreCardsThanTheReadersHoldPublishesEachOnceAndMovesTheCursorAfterAll() throws Exception {
        String topic = names.topic();
        CardChangeTopic.ensureExists(kafka(), topic, 3, (short) 1, CardRules.DEFAULT_MAX_FILE_BYTES);
        RepositoryConfig config = config(topic);
        IngestPass snapshot;
        IngestPass next;
        try (CardRepository cards = open(config); ChangePublisher publisher = publisher(topic)) {
            Ingestor ingestor = new Ingestor(config, cards, publisher, new CursorStore(config.cursorFile()),
                    new PassProgress());
            snapshot = ingestor.ingestOnce();
            next = ingestor.ingestOnce();
        }

        int cards = RESNETS + 2;
        assertThat(snapshot.upserts()).isEqualTo(cards);
        assertThat(new CursorStore(config.cursorFile()).lastPublished("hub", "main")).hasValue(head);
        assertThat(next.changes()).isZero();
        List<CardChange> published = new TopicReader(stack.kafkaBootstrapServers(), topic).readAll(cards);
        assertThat(published).hasSize(cards);
        assertThat(published).extracting(change -> change.key().cardId().value()).doesNotHaveDuplicates()
                .contains("mindspore/1.9/refinenet_voc2012", "mindspore/1.0/resnet0_imagenet2012",
                        "mindspore/1.6/resnet699_imagenet2012");
        CardChange.Upsert broken = (CardChange.Upsert) published.stream()
                .filter(change -> change.key().cardId().value().equals("hub-community/1.6/nasfpn_broken")).findFirst()
                .orElseThrow();
        assertThat(broken.event().card().isValid()).isFalse();
        CardChange.Upsert refinenet = (CardChange.Upsert) published.stream()
                .filter(change -> change.key().cardId().value().equals("mindspore/1.9/refinenet_voc2012")).findFirst()
                .orElseThrow();
        assertThat(refinenet.event().card().chinese().summary()).isEqualTo("RefineNet 用于图像语义分割");
        assertThat(snapshot.skipped()).hasValue(List.of(
                new SkippedFile("mindspore/1.9/alone_cn.md", SkipReason.CHINESE_WITHOUT_ENGLISH),
                new SkippedFile("mindspore/1.9/image.md", SkipReason.BINARY),
                new SkippedFile("mindspore/1.9/notes.txt", SkipReason.NOT_MARKDOWN)));
    }

    @Test
    void aSnapshotKafkaRefusesLeavesTheCursorWhereItWasAndTheNextPassPublishesEveryCard() throws Exception {
        String topic = names.topic();
        try (Admin admin = admin()) {
            // Records of at most 100 bytes: the broker refuses every card's event.
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "100")))).all().get();
        }
        RepositoryConfig config = config(topic);
        try (CardRepository cards = open(config); ChangePublisher publisher = publisher(topic)) {
            Ingestor ingestor = new Ingestor(config, cards, publisher, new CursorStore(config.cursorFile()),
                    new PassProgress());

            assertThatThrownBy(ingestor::ingestOnce).isInstanceOf(PublishException.class);
            assertThat(new CursorStore(config.cursorFile()).lastPublished("hub", "main")).isEmpty();

            try (Admin admin = admin()) {
                admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(
                        new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "8388608"),
                                AlterConfigOp.OpType.SET)))).all().get();
            }
            assertThat(ingestor.ingestOnce().upserts()).isEqualTo(RESNETS + 2);
        }
        assertThat(new CursorStore(config.cursorFile()).lastPublished("hub", "main")).hasValue(head);
    }

    private RepositoryConfig config(String topic) {
        return new RepositoryConfig(new RepositorySource.Local(repository.directory()), "hub", Optional.empty(),
                Optional.empty(), Duration.ofSeconds(1), work, kafka(), topic, 3, (short) 1, CardRules.DEFAULT);
    }

    private static CardRepository open(RepositoryConfig config) throws Exception {
        return CardRepository.open(config.source(), Optional.empty(), config.cloneDirectory(),
                new LoggingProgressMonitor("test"));
    }

    private ChangePublisher publisher(String topic) {
        return new ChangePublisher(kafka(), topic, CardRules.DEFAULT_MAX_FILE_BYTES);
    }

    private KafkaConnection kafka() {
        return KafkaConnection.open(stack.kafkaBootstrapServers());
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
    }
}
