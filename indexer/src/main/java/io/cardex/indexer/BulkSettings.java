package io.cardex.indexer;

import java.time.Duration;

/**
 * How the indexer batches its writes.
 *
 * @param maxOperations         writes per bulk request at most
 * @param maxBytes              size of a bulk request at most
 * @param flushInterval         how long a write waits for others to share its request
 * @param maxConcurrentRequests bulk requests under way at once
 * @param maxUnacknowledged     changes read and not yet acknowledged by Elasticsearch at most;
 *                              beyond it the indexer stops reading (pauses its partitions), so a
 *                              slow Elasticsearch never makes it buffer without bound
 */
public record BulkSettings(int maxOperations, long maxBytes, Duration flushInterval, int maxConcurrentRequests,
                           int maxUnacknowledged) {

    /** Sized for cards of a few kilobytes each, in a heap of 256 MiB. */
    public static final BulkSettings DEFAULT = new BulkSettings(1000, 5L << 20, Duration.ofMillis(50), 2, 4000);

    public BulkSettings {
        if (maxOperations < 1 || maxBytes < 1 || maxConcurrentRequests < 1) {
            throw new IllegalArgumentException("bulk requests need room for at least one write");
        }
        if (flushInterval.isNegative() || flushInterval.isZero()) {
            throw new IllegalArgumentException("the flush interval must be positive, not " + flushInterval);
        }
        if (maxUnacknowledged < maxOperations) {
            throw new IllegalArgumentException("the changes waiting for Elasticsearch at most (" + maxUnacknowledged
                    + ") must fill at least one bulk request (" + maxOperations + " writes)");
        }
    }
}
