package io.cardex.it.support;

import io.cardex.cardindex.CardIndexNames;
import java.util.concurrent.atomic.AtomicInteger;

/** Topic, index and group names of one test, so that tests sharing the stack never meet. */
public record UniqueNames(String topic, CardIndexNames index, String consumerGroup) {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    public static UniqueNames forTest(String test) {
        String suffix = test + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
        return new UniqueNames("cards-" + suffix, new CardIndexNames("cards-" + suffix), "indexer-" + suffix);
    }
}
