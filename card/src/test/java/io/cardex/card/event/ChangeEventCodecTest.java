package io.cardex.card.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardex.card.Card;
import io.cardex.card.CardId;
import io.cardex.card.CardKey;
import io.cardex.card.CardFile;
import io.cardex.card.CardParser;
import io.cardex.card.CardRules;
import io.cardex.card.CardexJson;
import io.cardex.card.Section;
import io.cardex.card.Language;
import io.cardex.card.SkipReason;
import io.cardex.card.SkippedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

        assertThat(json).contains("\"schema_version\":4", "\"card_id\":\"mindspore/1.9/refinenet_voc2012\"",
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
        byte[] future = "{\"schema_version\":5}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode("examples/a/b/c", future))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("schema version 5 is not supported (this reader knows 2 to 4)");
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

    @Test
    void aCardWithSectionsAndAChineseVersionReadsBackAsTheSameEvent() throws Exception {
        CardChange.Upsert upsert = new CardChange.Upsert(eventOf(resource("/cards/refinenet.md"),
                Optional.of(resource("/cards/refinenet_cn.md"))));

        CardTopicRecord decoded = codec.decode(codec.encodeKey(upsert), codec.encodeValue(upsert));

        assertThat(upsert.event().card().body().sections()).hasSizeGreaterThan(2);
        assertThat(upsert.event().card().chinese().body().sections()).isNotEmpty();
        assertThat(decoded).isEqualTo(upsert);
    }

    @Test
    void aPaperPageReadsBackAsTheSameEventThoughItsFieldsAreReadAgainFromItsText() throws Exception {
        CardChange.Upsert upsert = new CardChange.Upsert(eventOf(resource("/cards/paper-refinenet.md"), Optional.empty()));

        byte[] value = codec.encodeValue(upsert);
        CardTopicRecord decoded = codec.decode(codec.encodeKey(upsert), value);

        assertThat(upsert.event().card().paperPage().benchmarks()).isNotEmpty();
        assertThat(new String(value, StandardCharsets.UTF_8)).doesNotContain("\"paper_page\"");
        assertThat(decoded).isEqualTo(upsert);
    }

    @Test
    void aTooLargeCardWithoutItsTextsReadsBackAsTheSameEvent() throws Exception {
        for (String fixture : List.of("/cards/paper-refinenet.md", "/cards/refinenet.md")) {
            ChangeEvent event = eventOf(resource(fixture), Optional.empty());
            CardChange.Upsert smaller = new CardChange.Upsert(event.withCard(event.card().withoutTexts(
                    "mindspore/1.9/refinenet_voc2012.md", 3_000_000, 2_000_000)));

            assertThat(codec.decode(codec.encodeKey(smaller), codec.encodeValue(smaller))).as(fixture).isEqualTo(smaller);
        }
    }

    /**
     * Headings in a code block, sections without text, blank lines with spaces, Windows line
     * ends, a heading on the body's first line: each section's text still reads back as parsed.
     */
    @Test
    void sectionsOfAnAwkwardBodyReadBackAsParsed() throws Exception {
        String text = "---\nmodel-name: RefineNet\n---\n  \n## First   \n   \n## Empty\n## Code\n\n```\n## not a heading\n```"
                + "\n\n### Windows\r\nline one\r\n\r\n   # Indented\n text \n\n## Last\n";
        CardChange.Upsert upsert = new CardChange.Upsert(eventOf(text, Optional.empty()));

        CardTopicRecord decoded = codec.decode(codec.encodeKey(upsert), codec.encodeValue(upsert));

        assertThat(upsert.event().card().body().sections()).extracting(Section::heading)
                .containsExactly("First", "Empty", "Code", "Windows", "Indented", "Last");
        assertThat(decoded).isEqualTo(upsert);
    }

    @Test
    void anEventHoldsEachSectionsTextOnceAsASpanOfTheMarkdown() {
        String json = new String(codec.encodeValue(new CardChange.Upsert(eventOf(resource("/cards/refinenet.md"),
                Optional.empty()))), StandardCharsets.UTF_8);

        assertThat(json).contains("\"offset\":", "\"length\":");
        assertThat(json.split("a chained residual pooling stage gathers context", -1)).as("occurrences + 1")
                .hasSize(2);
    }

    @Test
    void readsAnEventOfSchemaThreeWhoseSectionsCarryTheirTexts() throws Exception {
        ChangeEvent current = eventOf(resource("/cards/refinenet.md"), Optional.empty());
        ChangeEvent three = new ChangeEvent(3, current.eventId(), current.repository(), current.branch(), current.commit(),
                current.commitTime(), current.commitAuthor(), current.cardId(), current.operation(), current.files(),
                current.card());
        byte[] written = CardexJson.newMapper().writeValueAsBytes(three);

        CardTopicRecord decoded = codec.decode(three.key().toString(), written);

        assertThat(new String(written, StandardCharsets.UTF_8)).contains("\"text\":");
        assertThat(decoded).isEqualTo(new CardChange.Upsert(three));
        assertThat(codec.decode(three.key().toString(), codec.encodeValue(decoded)))
                .as("written again, in the current schema").isEqualTo(new CardChange.Upsert(current));
    }

    @Test
    void refusesASectionSpanningCharactersTheMarkdownHasNot() {
        String valid = new String(codec.encodeValue(new CardChange.Upsert(eventOf(resource("/cards/refinenet.md"),
                Optional.empty()))), StandardCharsets.UTF_8);
        byte[] outside = valid.replaceFirst("\"length\":\\d+", "\"length\":99999999").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode("examples/mindspore/1.9/refinenet_voc2012", outside))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("not a change event")
                .hasMessageContaining("spans characters");
    }

    /**
     * An event holds its card's text once (schema 4): the body's Markdown, its sections as spans of
     * it. What is left besides is the parsed header, the problems and the fields of the event.
     */
    @Test
    void anEventIsAtMostOneAndAHalfTimesItsCard() throws Exception {
        for (String seed : List.of("000_b18b31fb0f9b75f4.txt", "001_49ac09be43b887c9.txt", "002_132ffa7621990e9e.txt",
                "003_eb55ee4798c16fa7.txt", "004_baeb54398854e4f6.txt")) {
            assertThat(eventBytesPerCardByte(resource("/cards/seeds/" + seed))).as(seed).isLessThanOrEqualTo(1.5);
        }
        String header = "# RefineNet\n---\nmodel-name: RefineNet\nupdate-time: 2022-10-11\nsummary: \"segments images\"\n---\n";
        String paragraph = "## Results\n\n| model | \"mIoU\" | dataset |\n|---|---|---|\n| RefineNet | 80.1 | VOC 2012 |\n\n"
                + "RefineNet refines coarse features with fine ones, path by path: see https://arxiv.org/abs/1611.06612.\n\n";
        String large = header + paragraph.repeat(700_000 / paragraph.length());

        assertThat(large.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(690_000);
        assertThat(eventBytesPerCardByte(large)).as("a card of 700 KB").isLessThanOrEqualTo(1.5);
    }

    private double eventBytesPerCardByte(String text) {
        int eventBytes = codec.encodeValue(new CardChange.Upsert(eventOf(text, Optional.empty()))).length;
        return (double) eventBytes / text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String resource(String name) {
        try (InputStream in = ChangeEventCodecTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ChangeEvent sampleEvent() {
        return eventOf("# RefineNet\n---\nmodel-name: RefineNet\nupdate-time: 2022-10-11\n---\nBody");
    }

    private static ChangeEvent eventOf(String text) {
        return eventOf(text, Optional.empty());
    }

    private static ChangeEvent eventOf(String text, Optional<String> chinese) {
        CardId id = new CardId("mindspore/1.9/refinenet_voc2012");
        String path = "mindspore/1.9/refinenet_voc2012.md";
        Card card = new CardParser(CardRules.DEFAULT).parse(id, Optional.of(CardFile.of(path, text)),
                chinese.map(zh -> CardFile.of("mindspore/1.9/refinenet_voc2012_cn.md", zh)));
        return new ChangeEvent(ChangeEvent.SCHEMA_VERSION, UUID.randomUUID(), "examples", "main",
                "0123456789abcdef0123456789abcdef01234567", Instant.parse("2026-11-25T10:15:30Z"), "Ada <ada@example.com>",
                id, Operation.CREATE, List.of(new ChangeEvent.SourceFile(path, Language.EN)), card);
    }
}
