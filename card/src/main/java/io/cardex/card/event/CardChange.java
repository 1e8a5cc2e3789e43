package io.cardex.card.event;

import io.cardex.card.CardKey;

/**
 * One record of the card-changes topic. Its key is the {@link CardKey}; an upsert carries the
 * {@link ChangeEvent} as its value, a deletion is a tombstone (no value) so that log compaction
 * forgets the card.
 */
public sealed interface CardChange {

    CardKey key();

    /** The card was added or changed. */
    record Upsert(ChangeEvent event) implements CardChange {
        @Override
        public CardKey key() {
            return event.key();
        }
    }

    /** The card was deleted (or renamed away). */
    record Deletion(CardKey key) implements CardChange {
    }
}
