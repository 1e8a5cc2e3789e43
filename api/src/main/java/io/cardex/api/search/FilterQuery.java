package io.cardex.api.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.List;

/** The Elasticsearch query of {@link Filters}: a terms filter per field, one per range, one for the digests; every card when there is none. */
final class FilterQuery {

    private FilterQuery() {
    }

    static Query of(Filters filters) {
        return Query.of(q -> q.bool(b -> {
            filters.values().forEach((field, values) -> {
                List<FieldValue> accepted = values.stream().map(FieldValue::of).toList();
                b.filter(f -> f.terms(t -> t.field(field.field()).terms(v -> v.value(accepted))));
            });
            b.filter(filters.ranges().queries());
            if (!filters.digests().isEmpty()) {
                b.filter(DigestQuery.anyOf(filters.digests()));
            }
            return b;
        }));
    }
}
