package io.cardex.card.event;

/** Where card changes travel between ingest and indexer. */
public final class CardChangeTopic {

    /** The topic's name unless configured otherwise. */
    public static final String DEFAULT_NAME = "cardex.card-changes";

    private CardChangeTopic() {
    }
}
