package io.cardex.benchmarks.ingest;

/**
 * How much history {@link CardHistoryGenerator} appends to a generated card repository.
 *
 * @param commits          the commits to append
 * @param changesPerCommit the card changes (adds, edits, renames, deletes) in each of them
 */
public record HistorySpec(int commits, int changesPerCommit) {

    public HistorySpec {
        if (commits < 0) {
            throw new IllegalArgumentException("commits must be 0 or more, not " + commits);
        }
        if (changesPerCommit < 1) {
            throw new IllegalArgumentException("changes per commit must be 1 or more, not " + changesPerCommit);
        }
    }
}
