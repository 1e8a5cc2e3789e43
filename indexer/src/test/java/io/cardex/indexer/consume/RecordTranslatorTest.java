package io.cardex.indexer.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cardex.card.CardFile;
import io.cardex.card.CardId;
import io.cardex.card.CardParser;
import io.cardex.card.CardRules;
import io.cardex.card.Language;
import io.cardex.card.SkipReason;
import io.cardex.card.SkippedFile;
import io.cardex.card.event.CardChange;
import io.cardex.card.event.CardTopicRecord;
import io.cardex.card.event.SkippedFilesEvent;
import io.cardex.card.event.ChangeEvent;
import io.cardex.card.event.Operation;
import io.cardex.card.event.ChangeEventCodec;
import io.cardex.card.event.ChangeVersionHeader;
import io.cardex.card.event.UnreadableEventException;
import io.cardex.indexer.index.IndexAction;
import io.cardex.cardindex.AssetCheck;
import io.cardex.cardindex.AssetStatus;
import io.cardex.cardindex.CardStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class RecordTranslatorTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String VALID_HEADER = """
            model-name: RefineNet
            backbone-name: RefineNet
            module-type: cv
            fine-tunable: True
            model-version: 1.9
            train-dataset: voc2012
            author: MindSpore team
            update-time: 2022-10-11
            repo-link: https://gitee.com/mindspore/models
            user-id: MindSpore
            used-for: inference
            mindspore-version: 1.9
            asset:
              - file-format: ckpt
                asset-link: https://download.mindspore.cn/models/r1.9/refinenet.ckpt
                asset-sha256: 9dc1819104c292fa88ad4868737fcd8c7fb7d4f7e368dc10610e71941a1571fa
            license: Apache2.0
            summary: RefineNet is used for cv
            """;
    private final RecordTranslator translator = new RecordTranslator(Clock.fixed(NOW, ZoneOffset.UTC), true);
    private final ChangeEventCodec codec = new ChangeEventCodec();

    @Test
    void anUpsertBecomesAPutVersionedByItsVersionHeader() throws Exception {
        ChangeEvent event = event(VALID_HEADER);

        IndexAction action = translator.translate(versioned(record(41, event.key().toString(),
                codec.encodeValue(new CardChange.Upsert(event))), "1796187600000000"));

        assertThat(action).isInstanceOfSatisfying(IndexAction.Put.class, put -> {
            assertThat(put.id()).isEqualTo("examples/mindspore/1.9/refinenet_voc2012");
            assertThat(put.version()).isEqualTo(1_796_187_600_000_000L);
            assertThat(put.document().status()).isEqualTo(CardStatus.VALID);
            assertThat(put.document().indexedAt()).isEqualTo(NOW);
            assertThat(put.document().card().header().modelName()).isEqualTo("RefineNet");
        });
    }

    @Test
    void aRepositorysSkippedFilesBecomeItsOwnDocumentOfKindRepository() throws Exception {
        CardTopicRecord.SkippedFiles skipped = new CardTopicRecord.SkippedFiles(SkippedFilesEvent.of("hub", "main",
                "0123456789012345678901234567890123456789", NOW, List.of(
                        new SkippedFile("mshub_res/assets/README.md", SkipReason.README),
                        new SkippedFile("mshub_res/assets/me/1.0/a.png", SkipReason.NOT_MARKDOWN),
                        new SkippedFile("mshub_res/assets/me/1.0/b.png", SkipReason.NOT_MARKDOWN))));

        IndexAction action = translator.translate(record(6, "hub", codec.encodeValue(skipped)));

        assertThat(action).isInstanceOfSatisfying(IndexAction.PutRepository.class, put -> {
            assertThat(put.id()).isEqualTo("hub");
            assertThat(put.version()).isEqualTo(7);
            assertThat(put.document().kind()).isEqualTo("repository");
            assertThat(put.document().skippedCounts()).containsEntry("readme", 1).containsEntry("not-markdown", 2);
            assertThat(put.document().source().commit()).isEqualTo("0123456789012345678901234567890123456789");
        });
    }

    @Test
    void assetsArePendingWhenTheIndexerVerifiesThemAndUncheckedWhenItDoesNot() throws Exception {
        ChangeEvent event = event(VALID_HEADER);
        ConsumerRecord<String, byte[]> record = record(1, event.key().toString(),
                codec.encodeValue(new CardChange.Upsert(event)));

        IndexAction.Put verifying = (IndexAction.Put) translator.translate(record);
        IndexAction.Put notVerifying = (IndexAction.Put) new RecordTranslator(Clock.systemUTC(), false).translate(record);

        assertThat(verifying.document().assetChecks()).extracting(AssetCheck::status).containsExactly(AssetStatus.PENDING);
        assertThat(notVerifying.document().assetChecks()).extracting(AssetCheck::status, AssetCheck::url)
                .containsExactly(tuple(AssetStatus.UNCHECKED, "https://download.mindspore.cn/models/r1.9/refinenet.ckpt"));
    }

    @Test
    void aCardWithAnErrorIsIndexedAsInvalid() throws Exception {
        ChangeEvent event = event(VALID_HEADER.replace("fine-tunable: True", "fine-tunable: perhaps"));

        IndexAction action = translator.translate(record(0, event.key().toString(),
                codec.encodeValue(new CardChange.Upsert(event))));

        assertThat(((IndexAction.Put) action).document().status()).isEqualTo(CardStatus.INVALID);
    }

    @Test
    void aTombstoneBecomesARemoveVersionedByItsHeader() throws Exception {
        IndexAction action = translator.translate(versioned(record(7, "examples/mindspore/1.9/refinenet_voc2012", null),
                "1796187600000001"));

        assertThat(action).isEqualTo(new IndexAction.Remove("examples/mindspore/1.9/refinenet_voc2012",
                1_796_187_600_000_001L));
    }

    @Test
    void aRecordOfAnEarlierIngestWithoutVersionHeaderIsVersionedByItsOffset() throws Exception {
        ChangeEvent event = event(VALID_HEADER);

        IndexAction upsert = translator.translate(record(41, event.key().toString(),
                codec.encodeValue(new CardChange.Upsert(event))));
        IndexAction tombstone = translator.translate(record(7, "examples/mindspore/1.9/refinenet_voc2012", null));

        assertThat(((IndexAction.Put) upsert).version()).isEqualTo(42);
        assertThat(tombstone).isEqualTo(new IndexAction.Remove("examples/mindspore/1.9/refinenet_voc2012", 8));
    }

    @Test
    void aVersionHeaderThatIsNoPositiveNumberMakesTheRecordUnreadable() {
        for (String header : List.of("soon", "", "-5", "0", "99999999999999999999")) {
            assertThatThrownBy(() -> translator.translate(versioned(record(7, "examples/a/b/c", null), header)))
                    .as(header).isInstanceOf(UnreadableEventException.class)
                    .hasMessageContaining("record header cardex-version is not a version");
        }
    }

    @Test
    void anUnreadableRecordIsReportedNotGuessed() {
        byte[] garbage = "{\"schema_version\":99}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> translator.translate(record(3, "examples/a/b/c", garbage)))
                .isInstanceOf(UnreadableEventException.class);
    }

    private static ConsumerRecord<String, byte[]> record(long offset, String key, byte[] value) {
        return new ConsumerRecord<>("cardex.card-changes", 0, offset, key, value);
    }

    private static ConsumerRecord<String, byte[]> versioned(ConsumerRecord<String, byte[]> record, String version) {
        record.headers().add(ChangeVersionHeader.NAME, version.getBytes(StandardCharsets.US_ASCII));
        return record;
    }

    private static ChangeEvent event(String header) {
        CardId id = new CardId("mindspore/1.9/refinenet_voc2012");
        String text = "---\n" + header + "---\nBody\n";
        String path = id.path(Language.EN);
        return new ChangeEvent(ChangeEvent.SCHEMA_VERSION, UUID.randomUUID(), "examples", "main",
                "0123456789abcdef0123456789abcdef01234567", NOW, "Ada <ada@example.com>", id, Operation.CREATE,
                List.of(new ChangeEvent.SourceFile(path, Language.EN)),
                new CardParser(CardRules.DEFAULT).parse(id, Optional.of(CardFile.of(path, text)), Optional.empty()));
    }
}
