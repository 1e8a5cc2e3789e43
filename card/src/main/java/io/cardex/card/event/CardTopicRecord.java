package io.cardex.card.event;

/**
 * One record of the card-changes topic: a card's change, keyed by its card key, or a repository's
 * own record ({@link SkippedFiles}), keyed by the repository name alone, which no card key can be.
 */
public sealed interface CardTopicRecord permits CardChange, CardTopicRecord.SkippedFiles {

    /** The record key. */
    String recordKey();

    /**
     * The files of a repository's last commit that are no part of any card. Each commit's record
     * holds the whole list, so compaction keeps exactly the latest.
     */
    record SkippedFiles(SkippedFilesEvent event) implements CardTopicRecord {
        @Override
        public String recordKey() {
            return event.repository();
        }
    }
}
