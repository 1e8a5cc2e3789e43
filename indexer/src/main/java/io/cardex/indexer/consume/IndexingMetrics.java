package io.cardex.indexer.consume;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The meters of the indexer's writing: what became of the changes, how the bulk requests went. */
public final class IndexingMetrics {

    private static final String CHANGES = "cardex.indexer.changes";
    private static final String CHANGES_HELP = "Card changes the indexer is done with, by outcome";

    private final Counter written;
    private final Counter stale;
    private final Counter deadLettered;
    private final Counter retried;
    private final Timer bulkRequests;
    private final Counter failedBulkRequests;
    private final AtomicInteger pausedPartitions = new AtomicInteger();

    public IndexingMetrics(MeterRegistry registry, OffsetTracker tracker) {
        written = Counter.builder(CHANGES).tag("outcome", "written").description(CHANGES_HELP).register(registry);
        stale = Counter.builder(CHANGES).tag("outcome", "stale").description(CHANGES_HELP).register(registry);
        deadLettered = Counter.builder(CHANGES).tag("outcome", "dead_letter").description(CHANGES_HELP)
                .register(registry);
        retried = Counter.builder("cardex.indexer.changes.retried")
                .description("Card changes read again because Elasticsearch or Kafka could not take them")
                .register(registry);
        bulkRequests = Timer.builder("cardex.indexer.bulk.requests")
                .description("Bulk requests to Elasticsearch that were answered").register(registry);
        failedBulkRequests = Counter.builder("cardex.indexer.bulk.failures")
                .description("Bulk requests that got no answer (Elasticsearch unreachable)").register(registry);
        Gauge.builder("cardex.indexer.changes.unacknowledged", tracker, OffsetTracker::inFlight)
                .description("Card changes read and not yet acknowledged").register(registry);
        Gauge.builder("cardex.indexer.partitions.paused", pausedPartitions, AtomicInteger::get)
                .description("Partitions not read for now (back-pressure or a retry pause)").register(registry);
    }

    void written() {
        written.increment();
    }

    void stale() {
        stale.increment();
    }

    void deadLettered() {
        deadLettered.increment();
    }

    void retried(int changes) {
        retried.increment(changes);
    }

    void bulkAnswered(Duration took) {
        bulkRequests.record(took);
    }

    void bulkFailed() {
        failedBulkRequests.increment();
    }

    public void paused(int partitions) {
        pausedPartitions.set(partitions);
    }
}
