package io.cardex.indexer.consume;

import java.time.Duration;
import java.util.Collection;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** When partitions go to another indexer, commits what was written of them, and nothing more. */
final class CommitOnRebalance implements ConsumerRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(CommitOnRebalance.class);

    private final OffsetTracker tracker;
    private final Duration wait;
    private final Runnable commitWritten;

    /**
     * @param wait          how long to wait for the writes of the partitions taken away
     * @param commitWritten commits the offsets of every change written so far
     */
    CommitOnRebalance(OffsetTracker tracker, Duration wait, Runnable commitWritten) {
        this.tracker = tracker;
        this.wait = wait;
        this.commitWritten = commitWritten;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        try {
            if (!tracker.awaitSettled(partitions, wait)) {
                log.warn("writes of {} still unanswered after {} s; the next reader writes them again",
                        partitions, wait.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        commitWritten.run();
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
