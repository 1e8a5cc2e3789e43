package io.cardex.indexer.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardex.card.Fuzz;
import io.cardex.card.event.UnreadableEventException;
import io.cardex.indexer.index.IndexAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Whatever record lands on the card-changes topic (see {@link HostileRecords}), the indexer either
 * turns it into a write of the index or sets it aside for the dead-letter topic with a reason:
 * no other exception leaves {@link RecordTranslator}, so none reaches the indexing loop as a bug.
 * The records are seeded cases of {@link Fuzz}: a failing one prints its record and seed, and
 * {@code -Dcardex.fuzz.seed=SEED -Dcardex.fuzz.cases=1} runs it again, alone.
 */
class HostileRecordsTest {

    private final RecordTranslator translator =
            new RecordTranslator(Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC), true);

    @TestFactory
    Stream<DynamicTest> anyRecordBecomesAWriteOrADeadLetterWithItsReason() {
        return Fuzz.cases(600, HostileRecords::record, this::becomesAWriteOrADeadLetter);
    }

    private void becomesAWriteOrADeadLetter(HostileRecords.HostileRecord input) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("cardex.card-changes", 0, 41, input.key(),
                input.value());

        IndexAction action;
        try {
            action = translator.translate(record);
        } catch (UnreadableEventException unreadable) {
            assertThat(unreadable.getMessage()).as("the dead letter's reason").isNotBlank();
            return;
        }

        assertThat(action.id()).as("the document written is the record's own").isEqualTo(input.key());
    }

    /** Found by the property above: the file without a reason failed the count by reason, as a bug. */
    @Test
    void aSkippedFileWithoutAReasonIsADeadLetterSayingSo() {
        byte[] value = ("{\"schema_version\":1,\"kind\":\"skipped-files\",\"event_id\":\"60a0036d-a8e7-4c00-8e6b-b82083c08cdc\","
                + "\"repository\":\"examples\",\"branch\":\"main\",\"commit\":\"0123456789abcdef0123456789abcdef01234567\","
                + "\"commit_time\":\"2026-11-25T10:15:30Z\",\"skipped_files\":[{\"path\":\"README.md\"}]}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> translator.translate(new ConsumerRecord<>("cardex.card-changes", 0, 6, "examples", value)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessage("record value is an incomplete skipped-files event: it has no skipped_files[0].reason");
    }
}
