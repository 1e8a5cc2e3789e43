package io.cardex.card.event;

import io.cardex.card.CardKey;

/**
 * A card's record on the card-changes topic, keyed by its {@link CardKey}: an upsert carries the
 * {@link ChangeEvent} as its value, a deletion is a tombstone (no value) so that log compaction
 * forgets the card.
 */
public sealed interface CardChange extends CardTopicRecord {

    CardKey key();

    @Override
    default String recordKey() {
        return key().toString();
    }

    /** The card was added or changed. */
    record Upsert(ChangeEvent event) implements CardChange {
        @Override
        public CardKey key() {
            return event.key();
        }
    }

    /** The card was deleted, renamed away, or is no card any more (only its Chinese version left, binary). */
    record Deletion(CardKey key) implements CardChange {
    }
}
