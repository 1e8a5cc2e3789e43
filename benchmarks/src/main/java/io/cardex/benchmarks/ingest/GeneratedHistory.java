package io.cardex.benchmarks.ingest;

import io.cardex.card.CardId;
import java.util.Set;

/**
 * The history {@link CardHistoryGenerator} appended to a card repository, counted in card
 * changes; a rename moves a card's {@code .md} and {@code _cn.md} together and counts once.
 *
 * @param moves cards moved out of the backend layout ({@link HistorySpec#flattenAtCommit()}), not
 *              counted in {@link #changes()}
 * @param head  the last commit (full SHA-1)
 * @param cards the cards at {@code head}, for a benchmark that checks an index against them
 */
public record GeneratedHistory(int commits, int adds, int edits, int renames, int deletes, int moves, String head,
        Set<CardId> cards) {

    public GeneratedHistory {
        cards = Set.copyOf(cards);
    }

    public int changes() {
        return adds + edits + renames + deletes;
    }
}
