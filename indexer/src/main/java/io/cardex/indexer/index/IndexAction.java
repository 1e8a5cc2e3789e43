package io.cardex.indexer.index;

import io.cardex.cardindex.CardDocument;
import io.cardex.cardindex.RepositoryDocument;

/**
 * One write to the card index. The version is external and grows with every change of a card,
 * so a replayed or late older change never overwrites a newer one.
 */
public sealed interface IndexAction {

    String id();

    long version();

    record Put(String id, long version, CardDocument document) implements IndexAction {
    }

    record Remove(String id, long version) implements IndexAction {
    }

    /** A repository's own document: the files of its last commit that are no part of any card. */
    record PutRepository(String id, long version, RepositoryDocument document) implements IndexAction {
    }
}
