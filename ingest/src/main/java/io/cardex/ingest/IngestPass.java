package io.cardex.ingest;

import java.util.Optional;

/**
 * What one pass of the ingest published.
 *
 * @param from the commit published before, empty for a first snapshot
 * @param to   the commit now published, empty when the branch has no commit yet
 */
public record IngestPass(Optional<String> from, Optional<String> to, int upserts, int deletions) {

    public static IngestPass upToDate(Optional<String> head) {
        return new IngestPass(head, head, 0, 0);
    }

    public int changes() {
        return upserts + deletions;
    }
}
