package io.cardex.api.stats;

import java.util.List;

/**
 * The state of the card index at a glance: how many cards and in what state, the newest commit
 * indexed from each repository, how far indexing is behind, and the files each repository's last
 * commit holds that are no card.
 */
public record Stats(CardCounts cards, List<LastIngested> lastIngested, IndexingLag indexingLag,
                    List<SkippedFileCounts> skippedFiles) {

    public Stats {
        lastIngested = List.copyOf(lastIngested);
        skippedFiles = List.copyOf(skippedFiles);
    }
}
