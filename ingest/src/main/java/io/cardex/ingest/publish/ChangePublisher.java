package io.cardex.ingest.publish;

import io.cardex.card.event.CardTopicRecord;
import io.cardex.card.event.ChangeEventCodec;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes card changes to the card-changes topic. Every send is asynchronous;
 * {@link #awaitAcknowledged()} returns only once Kafka has acknowledged every change sent so far
 * (acks=all, idempotent, so a retry never reorders or duplicates a card's changes).
 */
public final class ChangePublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final ChangeEventCodec codec = new ChangeEventCodec();
    private final String topic;
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

    public ChangePublisher(String bootstrapServers, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "cardex-ingest",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new StringSerializer(), new ByteArraySerializer());
    }

    public void send(CardTopicRecord change) {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(topic, codec.encodeKey(change), codec.encodeValue(change));
        producer.send(record, (metadata, exception) -> {
            if (exception != null) {
                firstFailure.compareAndSet(null, exception);
            }
        });
    }

    /**
     * Waits until every change sent so far is acknowledged.
     *
     * @throws PublishException when Kafka refused or never acknowledged one of them
     */
    public void awaitAcknowledged() throws PublishException {
        producer.flush();
        Exception failure = firstFailure.getAndSet(null);
        if (failure != null) {
            throw new PublishException("Kafka did not acknowledge every change: " + failure.getMessage(), failure);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
