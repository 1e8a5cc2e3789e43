package io.cardex.api.search;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts of the values of fields among the cards found, in the same request as the cards. A
 * facet counts under every filter except its own: with {@code dataset=coco2017}, the dataset facet
 * still counts the other datasets, so a user can widen the choice, while the other facets count
 * only cards of COCO 2017. (The filters apply to the cards as a post filter, after the counts.)
 */
final class Facets {

    /** The most frequent values of a field that are counted; enough for a page of choices. */
    private static final int VALUES_PER_FACET = 20;
    private static final String VALUES = "values";

    private Facets() {
    }

    /** The aggregation counting a field's values, named after its parameter. */
    static Aggregation aggregation(FilterField field, Filters filters) {
        return Aggregation.of(a -> a.filter(FilterQuery.of(filters.without(field)))
                .aggregations(VALUES, v -> v.terms(t -> t.field(field.field()).size(VALUES_PER_FACET))));
    }

    /** The counts of each facet asked for, most frequent value first. */
    static Map<String, List<FacetCount>> read(List<FilterField> facets, Map<String, Aggregate> aggregations) {
        Map<String, List<FacetCount>> counts = new LinkedHashMap<>();
        for (FilterField facet : facets) {
            Aggregate values = aggregations.get(facet.parameter()).filter().aggregations().get(VALUES);
            // A field no card of the index has yet is unmapped: no values, rather than a failure.
            counts.put(facet.parameter(), !values.isSterms() ? List.of() : values.sterms().buckets().array().stream()
                    .map(bucket -> new FacetCount(bucket.key().stringValue(), bucket.docCount())).toList());
        }
        return counts;
    }
}
