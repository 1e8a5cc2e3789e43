package io.cardex.card.event;

import io.cardex.card.CardKey;
import io.cardex.card.SkipReason;
import io.cardex.card.SkippedFile;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The files below a repository's cards root that are no part of any card, as of one commit: the
 * value of the repository's own record on the card-changes topic, keyed by the repository name
 * alone (which no card key can be). Each commit's record holds the whole list, so compaction
 * keeps exactly the latest. See docs/change-events.md.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written by this code
 * @param kind          {@link #KIND}: what sets this record apart from a card's change event
 * @param commit        the commit whose tree was sorted (full SHA-1)
 * @param skippedFiles  every file skipped, by path from the repository root, in path order
 */
public record SkippedFilesEvent(
        int schemaVersion,
        String kind,
        UUID eventId,
        String repository,
        String branch,
        String commit,
        Instant commitTime,
        List<SkippedFile> skippedFiles) {

    public static final int SCHEMA_VERSION = 1;
    public static final String KIND = "skipped-files";

    public SkippedFilesEvent {
        CardKey.requireValidRepositoryName(repository);
        skippedFiles = List.copyOf(skippedFiles);
    }

    public static SkippedFilesEvent of(String repository, String branch, String commit, Instant commitTime,
                                       List<SkippedFile> skippedFiles) {
        return new SkippedFilesEvent(SCHEMA_VERSION, KIND, UUID.randomUUID(), repository, branch, commit, commitTime,
                skippedFiles);
    }

    /** How many files were skipped for each reason; a reason no file has is left out. */
    public Map<SkipReason, Integer> countsByReason() {
        return countsOf(skippedFiles);
    }

    /** How many of the files were skipped for each reason; a reason no file has is left out. */
    public static Map<SkipReason, Integer> countsOf(List<SkippedFile> skippedFiles) {
        Map<SkipReason, Integer> counts = new EnumMap<>(SkipReason.class);
        skippedFiles.forEach(file -> counts.merge(file.reason(), 1, Integer::sum));
        return counts;
    }
}
