package io.cardex.indexer.consume;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which records of each partition are done with, so that the consumer commits exactly up to the
 * first one that is not. Records finish out of order (bulk requests run side by side, dead
 * letters are acknowledged later), and an offset may only move past records that are finished.
 * Thread-safe: records start on the consumer's thread and finish on the bulk writer's.
 */
public final class OffsetTracker {

    private enum State { IN_FLIGHT, DONE, FAILED }

    private final Map<TopicPartition, TreeMap<Long, State>> partitions = new HashMap<>();
    private int inFlight;
    private int failed;

    /** A record was handed to the writer. */
    public synchronized void started(TopicPartition partition, long offset) {
        partitions.computeIfAbsent(partition, p -> new TreeMap<>()).put(offset, State.IN_FLIGHT);
        inFlight++;
    }

    /** The record is in the index (or the dead-letter topic): it never needs reading again. */
    public synchronized void finished(TopicPartition partition, long offset) {
        settle(partition, offset, State.DONE);
    }

    /** The record could not be written now: it must be read again. */
    public synchronized void failed(TopicPartition partition, long offset) {
        settle(partition, offset, State.FAILED);
    }

    private void settle(TopicPartition partition, long offset, State outcome) {
        TreeMap<Long, State> records = partitions.get(partition);
        // A record of a partition given up meanwhile (rebalance, rewind) is read again anyway.
        if (records == null || records.get(offset) != State.IN_FLIGHT) {
            return;
        }
        records.put(offset, outcome);
        inFlight--;
        if (outcome == State.FAILED) {
            failed++;
        }
        notifyAll();
    }

    /** Records handed to the writer and not settled yet. */
    public synchronized int inFlight() {
        return inFlight;
    }

    public synchronized boolean hasFailures() {
        return failed > 0;
    }

    /**
     * The offsets to commit: for each partition, the offset after the last record of an unbroken
     * run of finished ones. Forgets those records; a partition with nothing new is left out.
     */
    public synchronized Map<TopicPartition, OffsetAndMetadata> takeCommittable() {
        Map<TopicPartition, OffsetAndMetadata> committable = new HashMap<>();
        partitions.forEach((partition, records) -> {
            long next = -1;
            while (!records.isEmpty() && records.firstEntry().getValue() == State.DONE) {
                next = records.pollFirstEntry().getKey() + 1;
            }
            if (next >= 0) {
                committable.put(partition, new OffsetAndMetadata(next));
            }
        });
        return committable;
    }

    /**
     * Where to read each partition again after a failure: its first record not finished. Call
     * once nothing is in flight; forgets every record.
     */
    public synchronized Map<TopicPartition, Long> takeRewindPoints() {
        if (inFlight > 0) {
            throw new IllegalStateException(inFlight + " records are still being written");
        }
        Map<TopicPartition, Long> rewind = new HashMap<>();
        partitions.forEach((partition, records) -> {
            records.entrySet().stream().filter(e -> e.getValue() != State.DONE).findFirst()
                    .ifPresent(e -> rewind.put(partition, e.getKey()));
        });
        partitions.clear();
        failed = 0;
        return rewind;
    }

    /**
     * Waits until the records of these partitions are settled, at most {@code timeout}.
     *
     * @return whether they are
     */
    public synchronized boolean awaitSettled(Collection<TopicPartition> of, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlightOf(of) > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private int inFlightOf(Collection<TopicPartition> of) {
        int count = 0;
        for (TopicPartition partition : of) {
            TreeMap<Long, State> records = partitions.get(partition);
            if (records != null) {
                count += (int) records.values().stream().filter(state -> state == State.IN_FLIGHT).count();
            }
        }
        return count;
    }

    /** Drops what is known of these partitions: another consumer reads them now. */
    public synchronized void forget(Collection<TopicPartition> gone) {
        for (TopicPartition partition : gone) {
            TreeMap<Long, State> records = partitions.remove(partition);
            if (records != null) {
                for (State state : records.values()) {
                    if (state == State.IN_FLIGHT) {
                        inFlight--;
                    } else if (state == State.FAILED) {
                        failed--;
                    }
                }
            }
        }
        notifyAll();
    }
}
