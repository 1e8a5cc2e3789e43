package io.cardex.it.support;

import io.cardex.card.event.CardChange;
import io.cardex.card.event.CardTopicRecord;
import io.cardex.card.event.SkippedFilesEvent;
import io.cardex.card.event.ChangeEventCodec;
import io.cardex.card.event.UnreadableEventException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from its start, as a new consumer would. */
public final class TopicReader {

    private final String bootstrapServers;
    private final String topic;

    public TopicReader(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    /**
     * Every card change on the topic, read as the indexer would, waiting for {@code expected} of
     * them; the repositories' own records (skipped files) are left out, see {@link #readSkipped}.
     */
    public List<CardChange> readAll(int expected) throws UnreadableEventException {
        List<CardChange> changes = new ArrayList<>();
        for (CardTopicRecord record : readTopicRecords(expected, CardChange.class)) {
            changes.add((CardChange) record);
        }
        return changes;
    }

    /** The repositories' own records on the topic, waiting for {@code expected} of them. */
    public List<SkippedFilesEvent> readSkipped(int expected) throws UnreadableEventException {
        List<SkippedFilesEvent> events = new ArrayList<>();
        for (CardTopicRecord record : readTopicRecords(expected, CardTopicRecord.SkippedFiles.class)) {
            events.add(((CardTopicRecord.SkippedFiles) record).event());
        }
        return events;
    }

    private List<CardTopicRecord> readTopicRecords(int expected, Class<? extends CardTopicRecord> kind)
            throws UnreadableEventException {
        ChangeEventCodec codec = new ChangeEventCodec();
        List<CardTopicRecord> records = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : readRecords(record -> isA(kind, record), expected)) {
            records.add(codec.decode(record.key(), record.value()));
        }
        return records;
    }

    /** A card's key has a slash after the repository name; a repository's own record has none. */
    private static boolean isA(Class<? extends CardTopicRecord> kind, ConsumerRecord<String, byte[]> record) {
        boolean card = record.key() != null && record.key().contains("/");
        return kind == CardChange.class ? card : !card;
    }

    /** Every record value on the topic, as text. */
    public List<String> readValues(int expected) {
        return readRecords(expected).stream()
                .map(record -> record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8))
                .toList();
    }

    /**
     * Every record on the topic, from the start: waits up to 30 s for {@code expected} of them,
     * then one second more, so that a duplicate beyond them would show up too.
     */
    public List<ConsumerRecord<String, byte[]>> readRecords(int expected) {
        return readRecords(record -> true, expected);
    }

    private List<ConsumerRecord<String, byte[]>> readRecords(Predicate<ConsumerRecord<String, byte[]>> wanted,
                                                            int expected) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> keep(wanted, record, records));
            }
            consumer.poll(Duration.ofSeconds(1)).forEach(record -> keep(wanted, record, records));
        }
        return records;
    }

    private static void keep(Predicate<ConsumerRecord<String, byte[]>> wanted, ConsumerRecord<String, byte[]> record,
                             List<ConsumerRecord<String, byte[]>> records) {
        if (wanted.test(record)) {
            records.add(record);
        }
    }
}
