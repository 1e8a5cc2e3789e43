package io.cardex.it.support;

import io.cardex.card.event.CardChange;
import io.cardex.card.event.ChangeEventCodec;
import io.cardex.card.event.UnreadableEventException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads the card changes published to a topic, as the indexer would. */
public final class TopicReader {

    private final String bootstrapServers;
    private final String topic;
    private final ChangeEventCodec codec = new ChangeEventCodec();

    public TopicReader(String bootstrapServers, String topic) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    /**
     * Every change on the topic, from the start: waits up to 30 s for {@code expected} of them,
     * then one second more, so that a duplicate beyond them would show up too.
     */
    public List<CardChange> readAll(int expected) throws UnreadableEventException {
        List<CardChange> changes = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (changes.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    changes.add(codec.decode(record.key(), record.value()));
                }
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                changes.add(codec.decode(record.key(), record.value()));
            }
        }
        return changes;
    }
}
