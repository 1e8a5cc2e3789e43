package io.cardex.api.stats;

import java.time.Instant;

/**
 * How far the index is behind the topic of card changes.
 *
 * @param events        card changes on the topic the indexer has not yet written; null when unknown
 * @param eventsUnknown why {@code events} is unknown: the API knows no Kafka, or Kafka did not answer
 * @param lastIndexedAt when the indexer last wrote a card; null for an empty index
 */
public record IndexingLag(Long events, String eventsUnknown, Instant lastIndexedAt) {

    static IndexingLag known(long events, Instant lastIndexedAt) {
        return new IndexingLag(events, null, lastIndexedAt);
    }

    static IndexingLag unknown(String why, Instant lastIndexedAt) {
        return new IndexingLag(null, why, lastIndexedAt);
    }
}
