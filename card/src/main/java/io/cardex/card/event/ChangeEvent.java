package io.cardex.card.event;

import io.cardex.card.Card;
import io.cardex.card.CardId;
import io.cardex.card.CardKey;
import io.cardex.card.Language;
import java.time.Instant;
import java.util.List;
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
 * @param operation     whether the commit added the card or changed it
 * @param files         the card's files as committed: {@code <name>.md}, {@code <name>_cn.md} or both
 * @param card          the card as parsed from its files, problems included
 */
public record ChangeEvent(
        int schemaVersion,
        UUID eventId,
        String repository,
        String branch,
        String commit,
        Instant commitTime,
        String commitAuthor,
        CardId cardId,
        Operation operation,
        List<SourceFile> files,
        Card card) {

    /**
     * Version 2 replaced version 1's single {@code path} and {@code raw_text} with {@code files};
     * version 3 dropped each file's {@code raw_text}, which no reader used; version 4 writes each
     * section of a body as the span of its text in the body's Markdown ({@link EventBody}) and
     * leaves a paper page's fields to be read from its Markdown again ({@link EventCard}), so that
     * an event holds its card's text once.
     */
    public static final int SCHEMA_VERSION = 4;
    /** The first version whose sections are spans of the body's Markdown and whose paper pages are read again. */
    static final int FIRST_SCHEMA_VERSION_HOLDING_TEXT_ONCE = 4;
    /**
     * The oldest version this code still reads: a version 2 event differs only by the text it
     * carries besides, a version 3 event by its sections' texts.
     */
    public static final int OLDEST_READABLE_SCHEMA_VERSION = 2;

    public ChangeEvent {
        files = List.copyOf(files);
    }

    /**
     * One file of the card.
     *
     * @param path the file's path from the repository root
     */
    public record SourceFile(String path, Language language) {
    }

    /** The same event with another parse of its card. */
    public ChangeEvent withCard(Card replacement) {
        return new ChangeEvent(schemaVersion, eventId, repository, branch, commit, commitTime, commitAuthor, cardId,
                operation, files, replacement);
    }

    public CardKey key() {
        return new CardKey(repository, cardId);
    }
}
