package io.cardex.api.health;

/** Whether the API can answer searches, and if not, what it waits for. */
public enum Readiness {
    READY,
    /** Elasticsearch does not answer: down, starting, or out of reach. */
    ELASTICSEARCH_UNREACHABLE,
    /** Elasticsearch answers, but the indexer has not created the card index yet. */
    INDEX_MISSING
}
