package io.cardex.ingest.publish;

import org.slf4j.LoggerFactory;
import org.slf4j.Logger;
import io.cardex.topics.CardChangeTopic;
import io.cardex.topics.KafkaConnection;
import io.cardex.card.event.ChangeEvent;
import io.cardex.card.event.CardChange;
import io.cardex.card.Card;
import io.cardex.card.event.CardTopicRecord;
import io.cardex.card.event.ChangeEventCodec;
import io.cardex.card.event.ChangeVersionHeader;
import java.time.Clock;
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
 * (acks=all, idempotent, so a retry never reorders or duplicates a card's changes). Every record
 * carries its version in the {@link ChangeVersionHeader}, from {@link #versions()}.
 */
public final class ChangePublisher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangePublisher.class);

    private final KafkaProducer<String, byte[]> producer;
    private final ChangeEventCodec codec = new ChangeEventCodec();
    private final String topic;
    private final int maxRecordBytes;
    private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
    private final ChangeVersionClock versions = new ChangeVersionClock(Clock.systemUTC());

    /**
     * @param maxCardBytes the largest card file read: records are sized for its event
     *                     ({@link CardChangeTopic#maxRecordBytes})
     */
    public ChangePublisher(KafkaConnection kafka, String topic, long maxCardBytes) {
        this.topic = topic;
        this.maxRecordBytes = CardChangeTopic.maxRecordBytes(maxCardBytes);
        this.producer = new KafkaProducer<>(kafka.clientSettings(Map.ofEntries(
                Map.entry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRecordBytes),
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, "cardex-ingest"),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                // One request at a time: with several, a "not the leader" on a topic created a moment
                // before left the idempotent producer retrying out-of-order batches for minutes (seen
                // in CI after a broker restart); the cursor waits for every acknowledgement anyway.
                Map.entry(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
                // zstd compresses in the thread that sends (a snapshot's only serial one) and starts
                // each batch by clearing its tables: at level 3 (Kafka's default) that took up to 2.2 CPU-s
                // per 10,000 cards, more than parsing on one core, at level 1 0.3 (docs/BENCHMARKS.md).
                Map.entry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd"),
                Map.entry(ProducerConfig.COMPRESSION_ZSTD_LEVEL_CONFIG, 1),
                // Long enough for a snapshot's batches to fill (fewer batches to start, fewer requests
                // for the broker to take); a pass never waits for it, as its flush sends at once.
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, 50),
                Map.entry(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                // What a pass may have sent and Kafka not yet acknowledged: a snapshot sends faster
                // than the broker acknowledges and fills it, then waits in send. 8 MB is 32 batches,
                // plenty for one request in flight; Kafka's default (32 MB) only made a large
                // snapshot's heap larger than a small one's.
                Map.entry(ProducerConfig.BUFFER_MEMORY_CONFIG, 8 * 1024 * 1024),
                Map.entry(ProducerConfig.METADATA_MAX_AGE_CONFIG,
                        (int) CardChangeTopic.PARTITIONS_NOTICED_WITHIN.toMillis()))),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** A change encoded as the record it is sent as: the slow part of a send, safe on any thread. */
    public record EncodedChange(String key, byte[] value) {
    }

    /** Encodes and sends a change: {@link #encode} then {@link #send(EncodedChange)}. */
    public void send(CardTopicRecord change) {
        send(encode(change));
    }

    /**
     * Encodes a change; may be called by several threads at once. A card whose event would be
     * larger than a record may be is encoded without its long texts and with a {@code too-large}
     * error: an invalid card people can find, never a record Kafka refuses, which would fail the
     * pass again and again.
     */
    public EncodedChange encode(CardTopicRecord change) {
        byte[] value = codec.encodeValue(change);
        if (value != null && value.length > maxRecordBytes && change instanceof CardChange.Upsert upsert) {
            ChangeEvent event = upsert.event();
            Card smaller = event.card().withoutTexts(event.files().get(0).path(), value.length, maxRecordBytes);
            log.warn("card {} would make a change event of {} bytes, over the {} a record may have: published "
                    + "without its texts, as invalid (too-large)", event.key(), value.length, maxRecordBytes);
            change = new CardChange.Upsert(event.withCard(smaller));
            value = codec.encodeValue(change);
        }
        return new EncodedChange(codec.encodeKey(change), value);
    }

    /**
     * Sends an encoded change with the next version. Blocks while the producer's buffer is full:
     * a pass that reads faster than Kafka acknowledges waits here instead of piling up events.
     */
    public void send(EncodedChange change) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, change.key(), change.value());
        record.headers().add(ChangeVersionHeader.NAME, ChangeVersionHeader.encode(versions.next()));
        producer.send(record, (metadata, exception) -> {
            if (exception != null) {
                firstFailure.compareAndSet(null, exception);
            }
        });
    }

    /**
     * Fails at once when Kafka has already refused a change sent, so that a long pass stops
     * early instead of reading the rest of the repository for nothing. It waits for the changes
     * still in flight first: their refusals belong to this pass, not to the next.
     *
     * @throws PublishException with the first refusal
     */
    public void throwIfRefused() throws PublishException {
        if (firstFailure.get() != null) {
            awaitAcknowledged();
        }
    }

    /** The versions of the records sent, which ingest keeps with its cursor. */
    public ChangeVersionClock versions() {
        return versions;
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
