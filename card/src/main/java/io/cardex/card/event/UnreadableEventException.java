package io.cardex.card.event;

/** A record on the card-changes topic that is not a change event this code can read. */
public class UnreadableEventException extends Exception {

    public UnreadableEventException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
