package io.cardex.indexer;

import io.cardex.card.event.UnreadableEventException;
import io.cardex.indexer.consume.RecordTranslator;
import io.cardex.indexer.deadletter.DeadLetters;
import io.cardex.indexer.index.CardIndex;
import io.cardex.indexer.index.IndexAction;
import io.cardex.indexer.index.Rejection;
import io.cardex.store.ElasticsearchConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes card changes and writes them to the card index. Offsets are committed only after
 * Elasticsearch acknowledged the writes (and the dead-letter topic the changes that cannot be
 * written); when either cannot be reached the batch is read again after a pause, so nothing is
 * lost (writes are idempotent).
 */
public final class IndexerService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IndexerService.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final IndexerConfig config;
    private final ElasticsearchConnection elasticsearch;
    private final CardIndex index;
    private final KafkaConsumer<String, byte[]> consumer;
    private final RecordTranslator translator = new RecordTranslator(Clock.systemUTC());
    private final DeadLetters deadLetters;
    private final Optional<AssetChecking> assetChecking;
    private final Thread thread;
    private volatile boolean running = true;

    public IndexerService(IndexerConfig config) {
        this.config = config;
        this.elasticsearch = new ElasticsearchConnection(config.elasticsearchUrl());
        this.index = new CardIndex(elasticsearch.client(), config.index());
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, config.groupId(),
                ConsumerConfig.CLIENT_ID_CONFIG, "cardex-indexer",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // A consumer must never create the topic: it would lack log compaction.
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.assetChecking = config.verification()
                .map(verification -> new AssetChecking(verification, index, Clock.systemUTC()));
        this.deadLetters = new DeadLetters(config.bootstrapServers(), config.deadLetterTopic(), Clock.systemUTC());
        this.thread = new Thread(this::run, "cardex-indexer");
    }

    public void start() {
        thread.start();
    }

    private void run() {
        try {
            awaitIndex();
            assetChecking.ifPresent(AssetChecking::startSweeping);
            awaitTopic();
            deadLetters.ensureTopic(config.bootstrapServers(), consumer.partitionsFor(config.topic()).size());
            consumer.subscribe(Set.of(config.topic()));
            Duration backoff = Duration.ofSeconds(1);
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL_TIMEOUT);
                if (records.isEmpty()) {
                    continue;
                }
                if (write(records)) {
                    consumer.commitSync(nextOffsets(records));
                    backoff = Duration.ofSeconds(1);
                } else {
                    rewind(records);
                    Thread.sleep(backoff.toMillis());
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
            }
        } catch (WakeupException | InterruptedException stopping) {
            // close() asked us to stop; the consumer is closed below, then the thread ends.
        } finally {
            consumer.close();
        }
    }

    private void awaitIndex() throws InterruptedException {
        while (running) {
            try {
                index.ensureExists();
                return;
            } catch (Exception e) {
                log.warn("cannot prepare index {} yet, retrying in 2 s: {}", config.index().alias(), e.getMessage());
                Thread.sleep(2000);
            }
        }
    }

    /** Ingest creates the topic, compacted; until it has, there is nothing to read. */
    private void awaitTopic() throws InterruptedException {
        boolean reported = false;
        while (running && !topicExists()) {
            if (!reported) {
                log.info("waiting for ingest to create topic {}", config.topic());
                reported = true;
            }
            Thread.sleep(POLL_TIMEOUT.toMillis());
        }
    }

    private boolean topicExists() {
        try {
            return consumer.listTopics(POLL_TIMEOUT).containsKey(config.topic());
        } catch (org.apache.kafka.common.errors.TimeoutException kafkaNotReachableYet) {
            return false;
        }
    }

    /**
     * Returns whether the batch is done with: written, or sent to the dead-letter topic (an event
     * that cannot be read, a document Elasticsearch refuses).
     */
    private boolean write(ConsumerRecords<String, byte[]> records) {
        List<IndexAction> actions = new ArrayList<>(records.count());
        Map<IndexAction, ConsumerRecord<String, byte[]>> sources = new IdentityHashMap<>();
        try {
            for (ConsumerRecord<String, byte[]> record : records) {
                try {
                    IndexAction action = translator.translate(record);
                    actions.add(action);
                    sources.put(action, record);
                } catch (UnreadableEventException e) {
                    deadLetters.send(record, "unreadable event: " + e.getMessage());
                }
            }
            List<Rejection> rejections = index.write(actions);
            for (Rejection rejection : rejections) {
                deadLetters.send(sources.get(rejection.action()), "Elasticsearch refused the card: " + rejection.reason());
            }
            deadLetters.awaitAcknowledged();
            log.info("indexed {} changes ({} refused)", actions.size() - rejections.size(), rejections.size());
            assetChecking.ifPresent(checking -> checkAssets(checking, actions, rejections));
            return true;
        } catch (Exception e) {
            log.warn("cannot write {} changes, will retry: {}", actions.size(), e.getMessage());
            return false;
        }
    }

    private static void checkAssets(AssetChecking checking, List<IndexAction> written, List<Rejection> rejections) {
        Set<IndexAction> refused = rejections.stream().map(Rejection::action)
                .collect(Collectors.toCollection(() -> Collections.newSetFromMap(new IdentityHashMap<>())));
        for (IndexAction action : written) {
            if (action instanceof IndexAction.Put put && !refused.contains(put)) {
                checking.check(put);
            }
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> partitionRecords = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(partitionRecords.get(partitionRecords.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private void rewind(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deadLetters.close();
        assetChecking.ifPresent(AssetChecking::close);
        elasticsearch.close();
    }
}
