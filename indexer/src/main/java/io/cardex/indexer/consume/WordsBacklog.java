package io.cardex.indexer.consume;

/**
 * Whether the indexing loop has changes it has not made searchable yet: it had records at its last
 * poll, or writes Elasticsearch has not answered. Work that waits for words comes before work that
 * only adds to them (a card's vector), which reads this to give way on a machine of few cores.
 */
public final class WordsBacklog {

    private volatile boolean pending;

    void polled(int records, int unacknowledged) {
        pending = records > 0 || unacknowledged > 0;
    }

    /** True while changes read from the topic still wait to be written. */
    public boolean pending() {
        return pending;
    }
}
