package io.cardex.indexer.deadletter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardex.card.CardexJson;
import io.cardex.topics.KafkaConnection;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the changes the indexer cannot write to the dead-letter topic. A change's offset is
 * committed only once its dead letter is acknowledged: a change is either in the index or in the
 * dead-letter topic, never lost.
 */
public final class DeadLetters implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    /**
     * The most of a record's value a letter keeps: with the reason and the rest it stays well under
     * Kafka's 1 MiB record limit (a character may take 3 bytes), so that no letter is refused for
     * its size; the topic, partition and offset lead to the whole record.
     */
    static final int MAX_VALUE_CHARS = 256 * 1024;

    private final String topic;
    private final Clock clock;
    private final ObjectMapper json = CardexJson.newMapper();
    private final KafkaProducer<String, String> producer;

    public DeadLetters(KafkaConnection kafka, String topic, Clock clock) {
        this.topic = topic;
        this.clock = clock;
        this.producer = new KafkaProducer<>(kafka.clientSettings(Map.of(
                ProducerConfig.CLIENT_ID_CONFIG, "cardex-indexer-dead-letters",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)),
                new StringSerializer(), new StringSerializer());
    }

    /** Publishes the record with the reason; the future completes once Kafka acknowledged the letter. */
    public CompletableFuture<Void> send(ConsumerRecord<String, byte[]> record, String reason) {
        log.error("dead letter {}-{}@{} (key {}) to {}: {}", record.topic(), record.partition(), record.offset(),
                record.key(), topic, reason);
        byte[] value = record.value();
        String text = value == null ? null : utf8(value);
        String kept = value == null ? null : text != null ? text : Base64.getEncoder().encodeToString(value);
        boolean truncated = kept != null && kept.length() > MAX_VALUE_CHARS;
        DeadLetter letter = new DeadLetter(reason, record.topic(), record.partition(), record.offset(), record.key(),
                truncated ? kept.substring(0, MAX_VALUE_CHARS) : kept,
                value == null ? null : text != null ? "utf-8" : "base64", truncated, clock.instant());
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(topic, record.key(), json.writeValueAsString(letter)), (metadata, e) -> {
                if (e == null) {
                    acknowledged.complete(null);
                } else {
                    acknowledged.completeExceptionally(e);
                }
            });
            return acknowledged;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a dead letter is always writable as JSON", e);
        }
    }

    private static String utf8(byte[] value) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException notText) {
            return null;
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
