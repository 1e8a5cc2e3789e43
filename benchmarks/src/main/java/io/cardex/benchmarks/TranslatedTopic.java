package io.cardex.benchmarks;

import io.cardex.card.event.UnreadableEventException;
import io.cardex.indexer.consume.RecordTranslator;
import io.cardex.indexer.index.IndexAction;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A card-changes topic read from its start, untimed, each record with what the indexer's own
 * {@link RecordTranslator} makes of it: what the benchmarks compare the pipeline with, and measure.
 */
public final class TranslatedTopic {

    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);

    private TranslatedTopic() {
    }

    /** One record: the size of its value (0 for a tombstone) and what the indexer makes of it. */
    public record TranslatedRecord(int valueBytes, IndexAction action) {
    }

    /**
     * The first {@code wanted} records of {@code topic} whose action is {@code counted}.
     *
     * @throws IllegalStateException when the topic has fewer within five minutes
     */
    public static List<TranslatedRecord> read(String bootstrapServers, String topic, Predicate<IndexAction> counted,
                                              int wanted) throws UnreadableEventException {
        RecordTranslator translator = new RecordTranslator(Clock.systemUTC(), false);
        List<TranslatedRecord> read = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
            while (read.size() < wanted && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    IndexAction action = translator.translate(record);
                    if (counted.test(action)) {
                        read.add(new TranslatedRecord(record.value() == null ? 0 : record.value().length, action));
                    }
                }
            }
        }
        if (read.size() != wanted) {
            throw new IllegalStateException("read " + read.size() + " records from " + topic + ", expected " + wanted);
        }
        return List.copyOf(read);
    }
}
