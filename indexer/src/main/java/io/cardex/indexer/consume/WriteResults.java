package io.cardex.indexer.consume;

import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import io.cardex.indexer.deadletter.DeadLetters;
import io.cardex.indexer.index.IndexAction;
import io.cardex.indexer.index.WriteOutcome;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears what Elasticsearch did with each write and settles its record: written or stale (a newer
 * version is stored) finishes it; refused sends it to the dead-letter topic and finishes it once
 * Kafka acknowledged the letter; busy, failing or unreachable marks it to be read again.
 */
public final class WriteResults implements BulkListener<PendingWrite> {

    private static final Logger log = LoggerFactory.getLogger(WriteResults.class);

    private final OffsetTracker tracker;
    private final DeadLetters deadLetters;
    private final Consumer<IndexAction.Put> onWritten;
    private final IndexingMetrics metrics;
    private final CaughtUpRefresh refresh;
    private final AtomicReference<String> lastFailure = new AtomicReference<>("");

    /**
     * @param onWritten told of every card stored, on the bulk writer's thread: it must return quickly
     * @param refresh   told when every change read so far has its answer
     */
    public WriteResults(OffsetTracker tracker, DeadLetters deadLetters, Consumer<IndexAction.Put> onWritten,
                        IndexingMetrics metrics, CaughtUpRefresh refresh) {
        this.tracker = tracker;
        this.deadLetters = deadLetters;
        this.onWritten = onWritten;
        this.metrics = metrics;
        this.refresh = refresh;
    }

    /** Why the last writes that must be read again failed. */
    public String lastFailure() {
        return lastFailure.get();
    }

    /** Sends a change that cannot be read to the dead-letter topic; its record is finished once Kafka has it. */
    public void unreadable(ConsumerRecord<String, byte[]> record, String reason) {
        deadLetter(record, "unreadable event: " + reason);
    }

    @Override
    public void beforeBulk(long executionId, BulkRequest request, List<PendingWrite> writes) {
        // Nothing to prepare: every write is settled after its answer.
    }

    @Override
    public void afterBulk(long executionId, BulkRequest request, List<PendingWrite> writes, BulkResponse response) {
        metrics.bulkAnswered(Duration.ofMillis(response.took()));
        for (int i = 0; i < writes.size(); i++) {
            settle(writes.get(i), WriteOutcome.of(response.items().get(i)));
        }
        if (tracker.inFlight() == 0) {
            refresh.caughtUp();
        }
    }

    /**
     * Settles one write whatever happens: the bulk writer drops what its listener throws, and a
     * write never settled would hold its partition's offset back for good.
     */
    private void settle(PendingWrite write, WriteOutcome outcome) {
        try {
            if (outcome instanceof WriteOutcome.Written) {
                metrics.written();
                tracker.finished(write.partition(), write.offset());
                if (write.action() instanceof IndexAction.Put put) {
                    onWritten.accept(put);
                }
            } else if (outcome instanceof WriteOutcome.Stale) {
                metrics.stale();
                tracker.finished(write.partition(), write.offset());
            } else if (outcome instanceof WriteOutcome.Refused refused) {
                deadLetter(write.record(), "Elasticsearch refused the card: " + refused.reason());
            } else if (outcome instanceof WriteOutcome.Retry retry) {
                failed(write, "Elasticsearch could not take the write now (" + retry.reason() + ")");
            }
        } catch (RuntimeException e) {
            log.error("handling the answer for {} failed; it is read again if not written: {}", write.action().id(),
                    e.toString(), e);
            failed(write, "handling the answer failed: " + e);
        }
    }

    private void failed(PendingWrite write, String reason) {
        lastFailure.set(reason);
        metrics.retried(1);
        tracker.failed(write.partition(), write.offset());
    }

    @Override
    public void afterBulk(long executionId, BulkRequest request, List<PendingWrite> writes, Throwable failure) {
        metrics.bulkFailed();
        for (PendingWrite write : writes) {
            failed(write, "Elasticsearch did not answer: " + failure.getMessage());
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        CompletableFuture<Void> sent;
        try {
            sent = deadLetters.send(record, reason);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((acknowledged, failure) -> {
            if (failure == null) {
                metrics.deadLettered();
                tracker.finished(partition, record.offset());
            } else {
                lastFailure.set("Kafka did not take a dead letter: " + failure.getMessage());
                metrics.retried(1);
                tracker.failed(partition, record.offset());
            }
        });
    }
}
