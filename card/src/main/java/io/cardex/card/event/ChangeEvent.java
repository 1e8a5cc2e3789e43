package io.cardex.card.event;

import io.cardex.card.Card;
import io.cardex.card.CardId;
import io.cardex.card.CardKey;
import java.time.Instant;
import java.util.UUID;

/**
 * The new state of one card after a commit: the value of a record on the card-changes topic.
 * See {@link CardChange} for the record as a whole and docs/change-events.md for the contract.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written by this code
 * @param eventId       unique per published event; a re-published event gets a new one
 * @param repository    the name the card repository is ingested under
 * @param branch        the branch the commit is on
 * @param commit        the commit the card was read from (full SHA-1)
 * @param path          the card file's path from the repository root
 * @param rawText       the card file exactly as committed
 * @param card          the card as parsed from {@code rawText}, problems included
 */
public record ChangeEvent(
        int schemaVersion,
        UUID eventId,
        String repository,
        String branch,
        String commit,
        Instant commitTime,
        String commitAuthor,
        String path,
        CardId cardId,
        String rawText,
        Card card) {

    public static final int SCHEMA_VERSION = 1;

    public CardKey key() {
        return new CardKey(repository, cardId);
    }
}
