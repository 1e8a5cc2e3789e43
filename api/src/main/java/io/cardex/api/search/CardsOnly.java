package io.cardex.api.search;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.cardex.cardindex.RepositoryDocument;

/**
 * Keeps a query to cards: the card index also holds one document per repository (its skipped
 * files), which no search, facet, suggestion or count of cards may see.
 */
public final class CardsOnly {

    private static final Query REPOSITORY = Query.of(q -> q.term(t -> t.field(RepositoryDocument.KIND_FIELD)
            .value(RepositoryDocument.KIND)));

    private CardsOnly() {
    }

    /** The query, without the repositories' documents. */
    public static Query of(Query query) {
        return Query.of(q -> q.bool(b -> b.must(query).mustNot(REPOSITORY)));
    }

    /** Every card, and nothing else. */
    public static Query all() {
        return Query.of(q -> q.bool(b -> b.mustNot(REPOSITORY)));
    }

    /** The repositories' documents only. */
    public static Query repositories() {
        return REPOSITORY;
    }
}
