package io.cardex.benchmarks.pipeline;

import java.util.List;

/**
 * A commit of the freshness stream.
 *
 * @param number   its place in the stream, from 1
 * @param token    the word its revision added to the summary of each of its cards, and no other card has
 * @param id       the commit (full SHA-1), as the push webhook names it
 * @param cardKeys the keys of the cards it revised, as the index holds them
 */
record PushedCommit(int number, String token, String id, List<String> cardKeys) {

    PushedCommit {
        cardKeys = List.copyOf(cardKeys);
    }
}
