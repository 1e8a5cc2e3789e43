package io.cardex.ingest;

import io.cardex.card.SkippedFile;
import java.util.List;
import java.util.Optional;

/**
 * What one pass of the ingest published.
 *
 * @param from the commit published before, empty for a first snapshot
 * @param to   the commit now published, empty when the branch has no commit yet
 * @param skipped the files of {@code to} below the cards root that are no part of any card;
 *                empty when the pass published nothing (the last pass's list still holds)
 */
public record IngestPass(Optional<String> from, Optional<String> to, int upserts, int deletions,
                         Optional<List<SkippedFile>> skipped) {

    public IngestPass(Optional<String> from, Optional<String> to, int upserts, int deletions, List<SkippedFile> skipped) {
        this(from, to, upserts, deletions, Optional.of(List.copyOf(skipped)));
    }

    /** Nothing to publish: what was skipped is as the pass before found it. */
    public static IngestPass upToDate(Optional<String> head) {
        return new IngestPass(head, head, 0, 0, Optional.empty());
    }

    public int changes() {
        return upserts + deletions;
    }
}
