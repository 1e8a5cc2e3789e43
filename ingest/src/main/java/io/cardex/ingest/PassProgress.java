package io.cardex.ingest;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far the running pass of ingest has got: a first snapshot of a large repository publishes
 * thousands of cards, and the log and the metrics show it moving.
 */
public final class PassProgress {

    private final AtomicInteger cards = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();

    public void started(int cardsToPublish) {
        sent.set(0);
        cards.set(cardsToPublish);
    }

    public void sentOne() {
        sent.incrementAndGet();
    }

    /** Cards the running (or last) pass publishes. */
    public int cards() {
        return cards.get();
    }

    /** Cards the running (or last) pass has sent so far. */
    public int sent() {
        return sent.get();
    }
}
