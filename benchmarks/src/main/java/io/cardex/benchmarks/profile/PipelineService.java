package io.cardex.benchmarks.profile;

/** The service of the pipeline a thread works for, known by the thread's name. */
public enum PipelineService {

    INGEST, INDEXER, OTHER;

    /**
     * Ingest's threads are its repository loop and its producer's network thread; the indexer's
     * are its loop, its dead-letter producer, its bulk writer's and the Elasticsearch client's I/O
     * threads (the client's threads serve the benchmark's own counts of searchable cards too, a
     * few samples).
     */
    public static PipelineService ofThread(String name) {
        if (name.startsWith("cardex-ingest") || name.endsWith("| cardex-ingest")) {
            return INGEST;
        }
        if (name.startsWith("cardex-indexer") || name.endsWith("| cardex-indexer-dead-letters")
                || name.startsWith("elasticsearch-rest-client") || name.startsWith("bulk-ingester")) {
            return INDEXER;
        }
        return OTHER;
    }
}
