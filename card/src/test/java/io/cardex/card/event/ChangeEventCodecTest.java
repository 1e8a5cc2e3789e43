package io.cardex.card.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardex.card.Card;
import io.cardex.card.CardId;
import io.cardex.card.CardKey;
import io.cardex.card.CardFile;
import io.cardex.card.CardParser;
import io.cardex.card.CardRules;
import io.cardex.card.Language;
import io.cardex.card.SkipReason;
import io.cardex.card.SkippedFile;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChangeEventCodecTest {

    private final ChangeEventCodec codec = new ChangeEventCodec();

    @Test
    void anUpsertReadsBackAsTheSameEvent() throws Exception {
        ChangeEvent event = sampleEvent();
        CardChange.Upsert upsert = new CardChange.Upsert(event);

        CardTopicRecord decoded = codec.decode(codec.encodeKey(upsert), codec.encodeValue(upsert));

        assertThat(decoded).isEqualTo(upsert);
    }

    @Test
    void theValueIsSnakeCaseJsonWithTheSchemaVersion() {
        String json = new String(codec.encodeValue(new CardChange.Upsert(sampleEvent())), StandardCharsets.UTF_8);

        assertThat(json).contains("\"schema_version\":3", "\"card_id\":\"mindspore/1.9/refinenet_voc2012\"",
                "\"model_name\":\"RefineNet\"", "\"commit_time\":\"2026-11-25T10:15:30Z\"");
    }

    @Test
    void aDeletionIsATombstone() throws Exception {
        CardKey key = CardKey.parse("examples/mindspore/1.9/refinenet_voc2012");

        assertThat(codec.encodeValue(new CardChange.Deletion(key))).isNull();
        assertThat(codec.decode(key.toString(), null)).isEqualTo(new CardChange.Deletion(key));
    }

    @Test
    void aDeepCardKeepsItsWholePathInItsKey() throws Exception {
        CardKey key = CardKey.parse("hub/noah-cvlab/gpu/1.8/ghostnet_imagenet2012");

        assertThat(key.cardId().value()).isEqualTo("noah-cvlab/gpu/1.8/ghostnet_imagenet2012");
        assertThat(codec.decode(key.toString(), null)).isEqualTo(new CardChange.Deletion(key));
    }

    @Test
    void theSkippedFilesOfACommitReadBackUnderTheRepositoryNameAlone() throws Exception {
        CardTopicRecord.SkippedFiles skipped = new CardTopicRecord.SkippedFiles(SkippedFilesEvent.of("hub", "main",
                "0123456789012345678901234567890123456789", Instant.parse("2026-11-25T10:15:30Z"),
                List.of(new SkippedFile("mshub_res/assets/README.md", SkipReason.README),
                        new SkippedFile("mshub_res/assets/me/1.0/logo.png", SkipReason.NOT_MARKDOWN))));

        String json = new String(codec.encodeValue(skipped), StandardCharsets.UTF_8);
        CardTopicRecord decoded = codec.decode(codec.encodeKey(skipped), codec.encodeValue(skipped));

        assertThat(codec.encodeKey(skipped)).isEqualTo("hub");
        assertThat(json).contains("\"kind\":\"skipped-files\"", "\"schema_version\":1", "\"reason\":\"readme\"");
        assertThat(decoded).isEqualTo(skipped);
        assertThat(skipped.event().countsByReason()).containsEntry(SkipReason.README, 1)
                .containsEntry(SkipReason.NOT_MARKDOWN, 1).hasSize(2);
    }

    @Test
    void refusesARepositoryRecordOfAnotherKindOrRepository() {
        byte[] otherKind = "{\"schema_version\":1,\"kind\":\"renamed\"}".getBytes(StandardCharsets.UTF_8);
        byte[] value = codec.encodeValue(new CardTopicRecord.SkippedFiles(SkippedFilesEvent.of("hub", "main",
                "0123456789012345678901234567890123456789", Instant.EPOCH, List.of())));

        assertThatThrownBy(() -> codec.decode("hub", otherKind)).isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("kind 'renamed'");
        assertThatThrownBy(() -> codec.decode("other", value)).isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void refusesAnotherSchemaVersion() {
        byte[] future = "{\"schema_version\":4}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode("examples/a/b/c", future))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("schema version 4 is not supported (this reader knows 2 to 3)");
    }

    @Test
    void refusesAnIncompleteEventNamingWhatItLacks() {
        byte[] incomplete = "{\"schema_version\":2,\"files\":[]}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode("examples/a/b/c", incomplete))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessage("record value is an incomplete change event: it has no event_id, repository, branch, "
                        + "commit, card_id, operation, card");
    }

    @Test
    void refusesAnEventOfARepositoryNameNoKeyCanHold() {
        String valid = new String(codec.encodeValue(new CardChange.Upsert(sampleEvent())), StandardCharsets.UTF_8);
        byte[] badName = valid.replace("\"repository\":\"examples\"", "\"repository\":\"Not A Name\"")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode("examples/mindspore/1.9/refinenet_voc2012", badName))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("repository name 'Not A Name'");
    }

    @Test
    void refusesAValueThatIsNotJson() {
        byte[] garbage = "not json".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode("examples/a/b/c", garbage))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("not a change event");
    }

    @Test
    void refusesAKeyThatDisagreesWithTheEvent() {
        byte[] value = codec.encodeValue(new CardChange.Upsert(sampleEvent()));

        assertThatThrownBy(() -> codec.decode("examples/other/1.0/card", value))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("does not match");
    }

    /**
     * The event no longer carries each file's raw text besides the parsed card (schema 3): a card
     * of 700 KB made an event of 2.1 MB, and Kafka refused it. What is left twice is the body's
     * text, as its Markdown and as its sections' texts.
     */
    @Test
    void anEventHoldsItsCardsTextAtMostTwice() {
        String header = "# RefineNet\n---\nmodel-name: RefineNet\nupdate-time: 2022-10-11\nsummary: \"segments images\"\n---\n";
        String paragraph = "## Results\n\n| model | \"mIoU\" | dataset |\n|---|---|---|\n| RefineNet | 80.1 | VOC 2012 |\n\n"
                + "RefineNet refines coarse features with fine ones, path by path: see https://arxiv.org/abs/1611.06612.\n\n";
        String text = header + paragraph.repeat(700_000 / paragraph.length());
        ChangeEvent event = eventOf(text);

        int eventBytes = codec.encodeValue(new CardChange.Upsert(event)).length;
        int cardBytes = text.getBytes(StandardCharsets.UTF_8).length;

        assertThat(cardBytes).isGreaterThan(690_000);
        assertThat((double) eventBytes / cardBytes).as("event bytes per card byte").isLessThanOrEqualTo(2.5);
    }

    private static ChangeEvent sampleEvent() {
        return eventOf("# RefineNet\n---\nmodel-name: RefineNet\nupdate-time: 2022-10-11\n---\nBody");
    }

    private static ChangeEvent eventOf(String text) {
        CardId id = new CardId("mindspore/1.9/refinenet_voc2012");
        String path = "mindspore/1.9/refinenet_voc2012.md";
        Card card = new CardParser(CardRules.DEFAULT).parse(id, Optional.of(CardFile.of(path, text)), Optional.empty());
        return new ChangeEvent(ChangeEvent.SCHEMA_VERSION, UUID.randomUUID(), "examples", "main",
                "0123456789abcdef0123456789abcdef01234567", Instant.parse("2026-11-25T10:15:30Z"), "Ada <ada@example.com>",
                id, Operation.CREATE, List.of(new ChangeEvent.SourceFile(path, Language.EN)), card);
    }
}
