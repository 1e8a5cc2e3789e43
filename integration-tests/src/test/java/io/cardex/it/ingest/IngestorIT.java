package io.cardex.it.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cardex.topics.KafkaConnection;
import io.cardex.card.CardRules;
import io.cardex.card.SkipReason;
import io.cardex.card.SkippedFile;
import io.cardex.card.event.SkippedFilesEvent;
import io.cardex.card.event.CardChange;
import io.cardex.card.event.ChangeEvent;
import io.cardex.card.event.Operation;
import io.cardex.ingest.RepositoryConfig;
import io.cardex.ingest.IngestPass;
import io.cardex.ingest.Ingestor;
import io.cardex.ingest.PassProgress;
import io.cardex.ingest.cursor.CursorStore;
import io.cardex.ingest.git.CardRepository;
import io.cardex.ingest.git.LoggingProgressMonitor;
import io.cardex.ingest.git.RepositorySource;
import io.cardex.topics.CardChangeTopic;
import io.cardex.ingest.publish.ChangePublisher;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.TopicReader;
import io.cardex.it.support.UniqueNames;
import io.cardex.stack.EmbeddedStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ingest publishes what changed between commits to the card-changes topic of a real Kafka. */
class IngestorIT {

    private static final String REFINENET = "mindspore/1.9/refinenet_voc2012.md";
    private static final String REFINENET_ID = "mindspore/1.9/refinenet_voc2012";
    private static final String DLINKNET = "mindspore/1.7/dlinknet_deepglobe.md";
    private static final String REFINENET_CHINESE = "mindspore/1.9/refinenet_voc2012_cn.md";

    private final EmbeddedStack stack = TestStack.get();
    private final UniqueNames names = UniqueNames.forTest("ingest");
    private CardRepositoryFixture repository;
    private Path work;
    private RepositoryConfig config;
    private CardRepository cards;
    private ChangePublisher publisher;
    private Ingestor ingestor;

    @BeforeEach
    void openIngestor() throws Exception {
        repository = CardRepositoryFixture.create().addExample(REFINENET).addExample(DLINKNET);
        work = TempDirectories.create("cardex-it-ingest-");
        config = new RepositoryConfig(new RepositorySource.Local(repository.directory()), "hub",
                Optional.empty(), Optional.empty(), Duration.ofSeconds(1), work, KafkaConnection.open(stack.kafkaBootstrapServers()),
                names.topic(), 3, (short) 1, CardRules.DEFAULT);
        CardChangeTopic.ensureExists(KafkaConnection.open(stack.kafkaBootstrapServers()), names.topic(), 3, (short) 1, CardRules.DEFAULT_MAX_FILE_BYTES);
        repository.commit("first cards");
        cards = CardRepository.open(config.source(), Optional.empty(), config.cloneDirectory(),
                new LoggingProgressMonitor("test"));
        publisher = new ChangePublisher(KafkaConnection.open(stack.kafkaBootstrapServers()), names.topic(), CardRules.DEFAULT_MAX_FILE_BYTES);
        ingestor = new Ingestor(config, cards, publisher, new CursorStore(config.cursorFile()), new PassProgress());
    }

    @AfterEach
    void close() {
        publisher.close();
        cards.close();
        repository.close();
        TempDirectories.delete(work);
    }

    @Test
    void aFirstPassPublishesEveryCardThenOnlyWhatChanged() throws Exception {
        IngestPass snapshot = ingestor.ingestOnce();
        assertThat(snapshot.upserts()).isEqualTo(2);

        repository.edit(REFINENET, card -> card.replace("acc80", "acc81")).delete(DLINKNET).commit("edit and delete");
        IngestPass next = ingestor.ingestOnce();
        IngestPass nothingNew = ingestor.ingestOnce();

        assertThat(next.upserts()).isEqualTo(1);
        assertThat(next.deletions()).isEqualTo(1);
        assertThat(nothingNew.changes()).isZero();
        List<CardChange> published = readTopic(4);
        assertThat(published).extracting(change -> change.getClass().getSimpleName(), change -> change.key().toString())
                .containsExactlyInAnyOrder(
                        tuple("Upsert", "hub/mindspore/1.9/refinenet_voc2012"),
                        tuple("Upsert", "hub/mindspore/1.7/dlinknet_deepglobe"),
                        tuple("Upsert", "hub/mindspore/1.9/refinenet_voc2012"),
                        tuple("Deletion", "hub/mindspore/1.7/dlinknet_deepglobe"));
        assertThat(published).filteredOn(change -> change instanceof CardChange.Upsert)
                .extracting(change -> ((CardChange.Upsert) change).event().card().header().evaluation().raw(),
                        change -> ((CardChange.Upsert) change).event().operation())
                .containsExactlyInAnyOrder(tuple("acc80", Operation.CREATE),
                        tuple("acc98.14 | acccls89.39 | iou98.08", Operation.CREATE), tuple("acc81", Operation.UPDATE));
    }

    @Test
    void aRestartedIngestorPublishesNothingAlreadyPublished() throws Exception {
        ingestor.ingestOnce();

        Ingestor restarted = new Ingestor(config, cards, publisher, new CursorStore(config.cursorFile()), new PassProgress());

        assertThat(restarted.ingestOnce().changes()).isZero();
        assertThat(readTopic(2)).hasSize(2);
    }

    @Test
    void aChineseVersionIsPartOfItsCardAndNoCardWithoutIt() throws Exception {
        ingestor.ingestOnce();
        repository.addExample(REFINENET_CHINESE).commit("add the Chinese version");
        ingestor.ingestOnce();
        repository.delete(REFINENET).commit("only the Chinese version is left");
        IngestPass chineseOnly = ingestor.ingestOnce();
        repository.delete(REFINENET_CHINESE).commit("the card is gone");
        ingestor.ingestOnce();

        List<CardChange> refinenet = readTopic(5).stream()
                .filter(change -> change.key().cardId().value().equals("mindspore/1.9/refinenet_voc2012")).toList();
        assertThat(refinenet).extracting(change -> change.getClass().getSimpleName())
                .containsExactly("Upsert", "Upsert", "Deletion", "Deletion");
        ChangeEvent both = ((CardChange.Upsert) refinenet.get(1)).event();
        assertThat(both.files()).extracting(ChangeEvent.SourceFile::path).containsExactly(REFINENET, REFINENET_CHINESE);
        assertThat(both.card().chinese().summary()).isEqualTo("RefineNet 用于图像语义分割");
        assertThat(both.card().problems()).isEmpty();
        assertThat(chineseOnly.skipped()).hasValue(List.of(
                new SkippedFile(REFINENET_CHINESE, SkipReason.CHINESE_WITHOUT_ENGLISH)));
        List<SkippedFilesEvent> skipped = new TopicReader(stack.kafkaBootstrapServers(), names.topic()).readSkipped(4);
        assertThat(skipped).extracting(event -> event.skippedFiles().size()).containsExactly(0, 0, 1, 0);
    }

    @Test
    void aCursorOfAnEarlierReleasePublishesEveryCardOnceSoDeeperCardsAreIndexed() throws Exception {
        repository.write("noah-cvlab/gpu/1.8/ghostnet.md", repository.read(REFINENET)).commit("a deeper card");
        String head = cards.refresh().orElseThrow().name();
        // What a release that read only <user-id>/<version>/<name>.md left: the head published, the deeper card not.
        Files.createDirectories(config.cursorFile().getParent());
        Files.writeString(config.cursorFile(), "{\"hub@" + cards.branch() + "\": \"" + head + "\"}");

        IngestPass upgrade = ingestor.ingestOnce();
        IngestPass next = ingestor.ingestOnce();

        assertThat(upgrade.upserts()).isEqualTo(3);
        assertThat(readTopic(3)).extracting(change -> change.key().cardId().value()).containsExactlyInAnyOrder(
                "mindspore/1.9/refinenet_voc2012", "mindspore/1.7/dlinknet_deepglobe", "noah-cvlab/gpu/1.8/ghostnet");
        assertThat(next.changes()).isZero();
    }

    @Test
    void cardsAtEveryDepthArePublishedAndEveryOtherFileIsSkippedWithItsReason() throws Exception {
        ingestor.ingestOnce();
        repository.write("noah-cvlab/gpu/1.8/ghostnet.md", repository.read(REFINENET))
                .write("a/b/c/d/deep.md", repository.read(DLINKNET))
                .write("me/shallow.md", repository.read(DLINKNET))
                .write("README.md", "# The hub\n")
                .write("mindspore/1.9/logo.png", "png")
                .write("top.md", "directly under the root\n")
                .commit("cards at depth 2, 4 and 5, and files that are no card");
        IngestPass pass = ingestor.ingestOnce();

        assertThat(pass.upserts()).isEqualTo(3);
        assertThat(readTopic(5)).extracting(change -> change.key().cardId().value()).contains(
                "noah-cvlab/gpu/1.8/ghostnet", "a/b/c/d/deep", "me/shallow");
        assertThat(pass.skipped()).hasValue(List.of(new SkippedFile("README.md", SkipReason.README),
                new SkippedFile("mindspore/1.9/logo.png", SkipReason.NOT_MARKDOWN),
                new SkippedFile("top.md", SkipReason.NOT_A_KEY)));
        SkippedFilesEvent latest = new TopicReader(stack.kafkaBootstrapServers(), names.topic()).readSkipped(2).get(1);
        assertThat(latest.commit()).isEqualTo(pass.to().orElseThrow());
        assertThat(latest.countsByReason()).containsEntry(SkipReason.README, 1).containsEntry(SkipReason.NOT_MARKDOWN, 1)
                .containsEntry(SkipReason.NOT_A_KEY, 1);
    }

    @Test
    void aLargeValidCardIsPublishedWithItsWholeText() throws Exception {
        ingestor.ingestOnce();
        String paragraph = "\n\n## Results\n\n| model | \"mIoU\" |\n|---|---|\n| RefineNet | 80.1 |\n\nRefineNet refines "
                + "coarse features with fine ones, path by path.";
        repository.edit(REFINENET, card -> card + paragraph.repeat(700_000 / paragraph.length()))
                .commit("a card of 700 KB, under the size limit");

        IngestPass pass = ingestor.ingestOnce();

        assertThat(pass.upserts()).isEqualTo(1);
        CardChange.Upsert large = lastChangeOf(REFINENET_ID, readTopic(3));
        assertThat(large.event().card().body().markdown()).hasSizeGreaterThan(690_000);
        assertThat(large.event().card().problems()).extracting(problem -> problem.code()).doesNotContain("too-large");
    }

    @Test
    void aCardWhoseEventIsLargerThanARecordIsPublishedAsAnInvalidCardWithoutItsTexts() throws Exception {
        ingestor.ingestOnce();
        // An event holds its card's text once (schema 4): a card of 1 MB, under the 1 MiB card limit,
        // makes an event of about 1.07 MB, JSON's escapes included.
        String paragraph = "\n\nRefineNet refines coarse features with fine ones, path by path. ";
        repository.edit(REFINENET, card -> card + paragraph.repeat(1_040_000 / paragraph.length())).commit("1 MB");
        ingestor.ingestOnce();
        CardChange.Upsert large = lastChangeOf(REFINENET_ID, readTopic(3));

        // A publisher for cards of at most 1,000 bytes takes records of about 1 MiB: this event is larger.
        try (ChangePublisher small = new ChangePublisher(KafkaConnection.open(stack.kafkaBootstrapServers()), names.topic(), 1_000)) {
            small.send(large);
            small.awaitAcknowledged();
        }

        CardChange.Upsert published = lastChangeOf(REFINENET_ID, readTopic(4));
        assertThat(published.event().card().isValid()).isFalse();
        assertThat(published.event().card().problems()).extracting(problem -> problem.code()).contains("too-large");
        assertThat(published.event().card().body().markdown()).isEmpty();
        assertThat(published.event().card().header().modelName()).isEqualTo(large.event().card().header().modelName());
    }

    @Test
    void aFeaturedImageIsLookedUpInTheRepositorysImagesFolder() throws Exception {
        ingestor.ingestOnce();
        repository.write("images/refinenet.png", "png")
                .edit(REFINENET, card -> card.replace("license: Apache2.0", "featured-image: refinenet.png\n\nlicense: Apache2.0"))
                .edit(DLINKNET, card -> card.replace("license: Apache2.0", "featured-image: dlinknet.png\n\nlicense: Apache2.0"))
                .commit("featured images, one missing");
        ingestor.ingestOnce();

        // The last change of each card: a card's changes are in order, whatever the partitions.
        Map<String, CardChange> latest = new LinkedHashMap<>();
        readTopic(4).forEach(change -> latest.put(change.key().cardId().value(), change));
        assertThat(latest.values()).extracting(change -> change.key().cardId().value(),
                        change -> ((CardChange.Upsert) change).event().card().problems().stream().map(p -> p.code()).toList())
                .containsExactlyInAnyOrder(
                        tuple("mindspore/1.9/refinenet_voc2012", List.of()),
                        tuple("mindspore/1.7/dlinknet_deepglobe", List.of("unknown-featured-image")));
    }

    /** The last change of a card: a card's changes are in order, whatever the partitions; others' may come between. */
    private static CardChange.Upsert lastChangeOf(String cardId, List<CardChange> changes) {
        List<CardChange> ofCard = changes.stream().filter(change -> change.key().cardId().value().equals(cardId)).toList();
        return (CardChange.Upsert) ofCard.get(ofCard.size() - 1);
    }

    private List<CardChange> readTopic(int expected) throws Exception {
        return new TopicReader(stack.kafkaBootstrapServers(), names.topic()).readAll(expected);
    }
}
