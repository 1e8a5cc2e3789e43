package io.cardex.indexer;

import io.cardex.cardindex.CardIndexVersions;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import io.cardex.card.event.UnreadableEventException;
import io.cardex.indexer.consume.IndexingMetrics;
import io.cardex.indexer.consume.OffsetTracker;
import io.cardex.indexer.consume.PendingWrite;
import io.cardex.indexer.consume.RecordTranslator;
import io.cardex.indexer.consume.WriteResults;
import io.cardex.indexer.deadletter.DeadLetters;
import io.cardex.indexer.index.CardIndex;
import io.cardex.indexer.index.IndexAction;
import io.cardex.cardindex.ElasticsearchConnection;
import io.cardex.topics.DeadLetterTopic;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes card changes and writes them to the card index through a bulk writer. A change's
 * offset is committed only once Elasticsearch acknowledged its write (or Kafka its dead letter);
 * when Elasticsearch is busy, failing or unreachable, the changes not written are read again
 * after a growing pause (writes are idempotent, so writing one twice is harmless). Reading stops
 * (the partitions are paused) while too many changes wait for an answer, so a slow Elasticsearch
 * never makes the indexer buffer without bound.
 */
public final class IndexerService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IndexerService.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    private static final Duration FIRST_RETRY_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY_PAUSE = Duration.ofSeconds(30);
    /** How long a rebalance waits for the writes of the partitions it takes away. */
    private static final Duration REBALANCE_WAIT = Duration.ofSeconds(30);

    private final IndexerConfig config;
    private final ElasticsearchConnection elasticsearch;
    private final CardIndex index;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaClientMetrics consumerMetrics;
    private final RecordTranslator translator;
    private final DeadLetters deadLetters;
    private final Optional<AssetChecking> assetChecking;
    private final OffsetTracker tracker = new OffsetTracker();
    private final IndexingMetrics metrics;
    private final WriteResults results;
    private final BulkIngester<PendingWrite> writer;
    private final Thread thread;
    private volatile boolean running = true;
    private Duration retryPause = FIRST_RETRY_PAUSE;
    private long readAgainAtNanos = System.nanoTime();

    public IndexerService(IndexerConfig config, MeterRegistry registry) {
        this.config = config;
        this.elasticsearch = new ElasticsearchConnection(config.elasticsearchUrl());
        this.index = new CardIndex(elasticsearch.client(), config.index());
        this.translator = new RecordTranslator(Clock.systemUTC(), config.verification().isPresent());
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, config.groupId(),
                ConsumerConfig.CLIENT_ID_CONFIG, "cardex-indexer",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // A consumer must never create the topic: it would lack log compaction.
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.consumerMetrics = new KafkaClientMetrics(consumer);
        consumerMetrics.bindTo(registry);
        this.assetChecking = config.verification()
                .map(verification -> new AssetChecking(verification, index, Clock.systemUTC(), registry));
        this.deadLetters = new DeadLetters(config.bootstrapServers(), DeadLetterTopic.of(config.topic()), Clock.systemUTC());
        this.metrics = new IndexingMetrics(registry, tracker);
        Consumer<IndexAction.Put> checkAssets = assetChecking.<Consumer<IndexAction.Put>>map(c -> c::check)
                .orElse(put -> { });
        this.results = new WriteResults(tracker, deadLetters, checkAssets, metrics);
        this.writer = index.bulkWriter(config.bulk(), results);
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
            List<PartitionInfo> cardTopic = consumer.partitionsFor(config.topic());
            // As safe as the card changes: the same replication as their topic.
            DeadLetterTopic.ensureExists(config.bootstrapServers(), DeadLetterTopic.of(config.topic()), cardTopic.size(), (short) cardTopic.get(0).replicas().length);
            consumer.subscribe(Set.of(config.topic()), new CommitOnRebalance());
            while (running) {
                write(consumer.poll(POLL_TIMEOUT));
                commitFinished();
                if (tracker.hasFailures()) {
                    readAgainOnceSettled();
                }
                pauseWhileBusy();
            }
        } catch (WakeupException | InterruptedException stopping) {
            // close() asked us to stop; what was written is committed below, then the thread ends.
        } catch (RuntimeException e) {
            // A bug or a state Kafka's client cannot recover from: say so loudly; /health turns 503.
            log.error("the indexer stopped: {}", e.toString(), e);
        } finally {
            writer.close();
            commitFinishedBeforeLeaving();
            consumer.close();
        }
    }

    private void awaitIndex() throws InterruptedException {
        while (running) {
            try {
                new CardIndexVersions(elasticsearch.client(), config.index()).ensureExists();
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

    /** Hands each change to the bulk writer; a change that cannot be read goes to the dead-letter topic. */
    private void write(Iterable<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            tracker.started(new TopicPartition(record.topic(), record.partition()), record.offset());
            try {
                IndexAction action = translator.translate(record);
                writer.add(CardIndex.operationFor(action), new PendingWrite(record, action));
            } catch (UnreadableEventException e) {
                results.unreadable(record, e.getMessage());
            }
        }
    }

    private void commitFinished() {
        Map<TopicPartition, OffsetAndMetadata> offsets = tracker.takeCommittable();
        if (offsets.isEmpty()) {
            return;
        }
        if (!tracker.hasFailures()) {
            retryPause = FIRST_RETRY_PAUSE;
        }
        // A failed commit needs no retry: the next one covers its offsets, and until then a
        // restart merely writes some changes a second time.
        consumer.commitAsync(offsets, (committed, e) -> {
            if (e != null) {
                log.warn("cannot commit the offsets of the changes written yet, will with the next ones: {}",
                        e.getMessage());
            }
        });
    }

    /**
     * Once every write under way has its answer, reads the partitions again from their first
     * change not written, after a pause that grows while the failures go on.
     */
    private void readAgainOnceSettled() {
        if (tracker.inFlight() > 0) {
            return;
        }
        commitFinished();
        Map<TopicPartition, Long> rewind = tracker.takeRewindPoints();
        Set<TopicPartition> assigned = consumer.assignment();
        rewind.forEach((partition, offset) -> {
            if (assigned.contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
        log.warn("cannot write every change now; reading them again in {} s: {}", retryPause.toSeconds(),
                results.lastFailure());
        readAgainAtNanos = System.nanoTime() + retryPause.toNanos();
        retryPause = retryPause.multipliedBy(2).compareTo(LONGEST_RETRY_PAUSE) > 0
                ? LONGEST_RETRY_PAUSE : retryPause.multipliedBy(2);
    }

    /**
     * Stops reading while too many changes wait for Elasticsearch, while failed writes wait to be
     * read again, and during the pause before that; polling goes on, so the group keeps this
     * consumer.
     */
    private void pauseWhileBusy() {
        boolean hold = tracker.inFlight() >= config.bulk().maxUnacknowledged() || tracker.hasFailures()
                || System.nanoTime() - readAgainAtNanos < 0;
        if (hold) {
            consumer.pause(consumer.assignment());
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
        metrics.paused(consumer.paused().size());
    }

    private void commitFinishedBeforeLeaving() {
        Map<TopicPartition, OffsetAndMetadata> offsets = tracker.takeCommittable();
        if (offsets.isEmpty()) {
            return;
        }
        try {
            try {
                consumer.commitSync(offsets);
            } catch (WakeupException wokenByClose) {
                // close() woke the consumer while it was not polling: the wake-up is spent now, commit again.
                consumer.commitSync(offsets);
            }
        } catch (RuntimeException e) {
            log.warn("cannot commit the offsets of the last changes written; they will be written again on the "
                    + "next start: {}", e.getMessage());
        }
    }

    /** When partitions go to another indexer, commits what was written of them, and nothing more. */
    private final class CommitOnRebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            try {
                if (!tracker.awaitSettled(partitions, REBALANCE_WAIT)) {
                    log.warn("writes of {} still unanswered after {} s; the next reader writes them again",
                            partitions, REBALANCE_WAIT.toSeconds());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            commitFinishedBeforeLeaving();
            tracker.forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // Reading starts at the committed offsets; nothing to prepare.
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Another indexer owns them already: committing would overwrite its progress.
            tracker.forget(partitions);
        }
    }

    /** Whether the indexer still consumes: false once closed, or when it stopped on an unexpected error. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /** Waits until the indexer stopped, closed or on an unexpected error. */
    public void awaitStopped() throws InterruptedException {
        thread.join();
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumerMetrics.close();
        deadLetters.close();
        assetChecking.ifPresent(AssetChecking::close);
        elasticsearch.close();
    }
}
