package io.cardex.benchmarks.ingest;

/**
 * How much history {@link CardHistoryGenerator} appends to a generated card repository.
 *
 * @param commits          the commits to append
 * @param changesPerCommit the card changes (adds, edits, renames, deletes) in each of them
 * @param flattenAtCommit  the commit (1 for the first appended) that moves every card of the
 *                         backend layout, {@code <user>/<backend>/<version>/<name>}, to
 *                         {@code <user>/<version>/<name>}, as the hub did after its first year;
 *                         cards added before it are filed in the backend layout. 0 for never.
 */
public record HistorySpec(int commits, int changesPerCommit, int flattenAtCommit) {

    public HistorySpec(int commits, int changesPerCommit) {
        this(commits, changesPerCommit, 0);
    }

    public HistorySpec {
        if (flattenAtCommit < 0 || flattenAtCommit > commits) {
            throw new IllegalArgumentException("the commit that flattens the backend layout must be 0 (never) or "
                    + "one of the " + commits + " commits, not " + flattenAtCommit);
        }
        if (commits < 0) {
            throw new IllegalArgumentException("commits must be 0 or more, not " + commits);
        }
        if (changesPerCommit < 1) {
            throw new IllegalArgumentException("changes per commit must be 1 or more, not " + changesPerCommit);
        }
    }
}
