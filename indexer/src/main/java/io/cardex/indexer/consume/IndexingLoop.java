package io.cardex.indexer.consume;

import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import io.cardex.card.event.UnreadableEventException;
import io.cardex.indexer.fill.FirstFill;
import io.cardex.indexer.index.CardIndex;
import io.cardex.indexer.index.IndexAction;
import io.cardex.service.retry.Backoff;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexer's poll loop: hands each change read to the bulk writer, commits a partition only up
 * to its first change not yet acknowledged, reads the changes that could not be written again
 * after a growing pause (writes are idempotent, so writing one twice is harmless), and stops
 * reading (pauses its partitions) while too many changes wait for Elasticsearch, so that a slow
 * Elasticsearch never makes the indexer buffer without bound.
 */
public final class IndexingLoop {

    private static final Logger log = LoggerFactory.getLogger(IndexingLoop.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(100);
    /** How long a rebalance waits for the writes of the partitions it takes away. */
    private static final Duration REBALANCE_WAIT = Duration.ofSeconds(30);

    private final KafkaConsumer<String, byte[]> consumer;
    private final String topic;
    private final RecordTranslator translator;
    private final BulkIngester<PendingWrite> writer;
    private final OffsetTracker tracker;
    private final WriteResults results;
    private final IndexingMetrics metrics;
    private final int maxUnacknowledged;
    private final Backoff readAgainPause;
    private final FirstFill firstFill;
    private final WordsBacklog backlog;
    private volatile boolean running = true;
    private long readAgainAtNanos = System.nanoTime();

    /**
     * @param maxUnacknowledged changes read and not yet answered at most: beyond it, reading stops
     * @param readAgainPause    the pause before failed writes are read again, growing while they go on failing
     * @param firstFill         told of each poll, to give the index its bulk-fill settings while far behind
     * @param backlog           told of each poll, for the work that gives way to the words
     */
    public IndexingLoop(KafkaConsumer<String, byte[]> consumer, String topic, RecordTranslator translator,
                        BulkIngester<PendingWrite> writer, OffsetTracker tracker, WriteResults results,
                        IndexingMetrics metrics, int maxUnacknowledged, Backoff readAgainPause, FirstFill firstFill,
                        WordsBacklog backlog) {
        this.consumer = consumer;
        this.topic = topic;
        this.translator = translator;
        this.writer = writer;
        this.tracker = tracker;
        this.results = results;
        this.metrics = metrics;
        this.maxUnacknowledged = maxUnacknowledged;
        this.readAgainPause = readAgainPause;
        this.firstFill = firstFill;
        this.backlog = backlog;
    }

    /**
     * Subscribes and consumes until {@link #stop()}; then waits for the writes under way, commits
     * what was written and closes the consumer. Stopped before it runs, it only closes them.
     */
    public void run() {
        try {
            if (!running) {
                return;
            }
            consumer.subscribe(Set.of(topic), new CommitOnRebalance(tracker, REBALANCE_WAIT, this::commitBeforeLeaving));
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL_TIMEOUT);
                write(records);
                firstFill.polled(consumer, records.count(), tracker.inFlight());
                backlog.polled(records.count(), tracker.inFlight());
                commitFinished();
                if (tracker.hasFailures()) {
                    readAgainOnceSettled();
                }
                pauseWhileBusy();
            }
        } catch (WakeupException stopping) {
            // stop() woke the consumer; what was written is committed below.
        } finally {
            writer.close();
            commitBeforeLeaving();
            consumer.close();
        }
    }

    /** Asks the loop to end; it returns from {@link #run()} soon after. */
    public void stop() {
        running = false;
        consumer.wakeup();
    }

    /** Hands each change to the bulk writer; a change that cannot be read goes to the dead-letter topic. */
    private void write(Iterable<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> record : records) {
            tracker.started(new TopicPartition(record.topic(), record.partition()), record.offset());
            IndexAction action;
            try {
                action = translator.translate(record);
            } catch (UnreadableEventException e) {
                results.unreadable(record, e.getMessage());
                continue;
            } catch (RuntimeException e) {
                // A record this code cannot turn into a write is a bug to fix, but one record must
                // never stop the indexer: it is set aside with the cause, and the next is indexed.
                log.error("cannot index record {}-{}@{}", record.topic(), record.partition(), record.offset(), e);
                results.unreadable(record, "cannot be indexed: " + e);
                continue;
            }
            writer.add(CardIndex.operationFor(action), new PendingWrite(record, action));
        }
    }

    private void commitFinished() {
        Map<TopicPartition, OffsetAndMetadata> offsets = tracker.takeCommittable();
        if (offsets.isEmpty()) {
            return;
        }
        if (!tracker.hasFailures()) {
            readAgainPause.succeeded();
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
        Duration pause = readAgainPause.failed();
        log.warn("cannot write every change now; reading them again in {} s: {}", pause.toSeconds(),
                results.lastFailure());
        readAgainAtNanos = System.nanoTime() + pause.toNanos();
    }

    /**
     * Stops reading while too many changes wait for Elasticsearch, while failed writes wait to be
     * read again, and during the pause before that; polling goes on, so the group keeps this
     * consumer.
     */
    private void pauseWhileBusy() {
        boolean hold = tracker.inFlight() >= maxUnacknowledged || tracker.hasFailures()
                || System.nanoTime() - readAgainAtNanos < 0;
        if (hold) {
            consumer.pause(consumer.assignment());
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
        metrics.paused(consumer.paused().size());
    }

    private void commitBeforeLeaving() {
        Map<TopicPartition, OffsetAndMetadata> offsets = tracker.takeCommittable();
        if (offsets.isEmpty()) {
            return;
        }
        try {
            try {
                consumer.commitSync(offsets);
            } catch (WakeupException wokenByStop) {
                // stop() woke the consumer while it was not polling: the wake-up is spent now, commit again.
                consumer.commitSync(offsets);
            }
        } catch (RuntimeException e) {
            log.warn("cannot commit the offsets of the last changes written; they will be written again on the "
                    + "next start: {}", e.getMessage());
        }
    }
}
