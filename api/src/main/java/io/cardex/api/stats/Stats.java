package io.cardex.api.stats;

import java.util.List;

/**
 * The state of the card index at a glance: how many cards and in what state, the newest commit
 * indexed from each repository, and how far indexing is behind.
 */
public record Stats(CardCounts cards, List<LastIngested> lastIngested, IndexingLag indexingLag) {

    public Stats {
        lastIngested = List.copyOf(lastIngested);
    }
}
