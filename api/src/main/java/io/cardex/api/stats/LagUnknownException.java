package io.cardex.api.stats;

/** Kafka could not say how far the indexer has got; the message says why, for the answer of {@code /stats}. */
public class LagUnknownException extends Exception {

    public LagUnknownException(String why) {
        super(why);
    }
}
