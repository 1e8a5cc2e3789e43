package io.cardex.benchmarks.index;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;

/** How far an {@code IndexerService} has got, read from the meters it registered, as {@code /metrics} shows them. */
public final class IndexerMeters {

    private IndexerMeters() {
    }

    /** Changes the indexer is done with: written, found stale or dead-lettered. */
    public static double changesDone(MeterRegistry registry) {
        return Search.in(registry).name("cardex.indexer.changes").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    /** Changes handed to the bulk writer and not acknowledged by Elasticsearch yet. */
    public static double unacknowledged(MeterRegistry registry) {
        return Search.in(registry).name("cardex.indexer.changes.unacknowledged").gauge().value();
    }
}
