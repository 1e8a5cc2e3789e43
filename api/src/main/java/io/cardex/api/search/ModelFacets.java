package io.cardex.api.search;

import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.util.NamedValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts of a grouped search: how many models match, and for each facet value how many
 * models have it, so that a count says how many hits a click on the value gives. Each counts
 * under the filters as {@link Facets} does: a facet ignores its own filter.
 */
final class ModelFacets {

    static final String MODEL_FIELD = "model";
    /** Counts of models are exact up to this many, and within a few percent beyond. */
    private static final int EXACT_UP_TO = 40_000;
    private static final String MODELS = "models";
    private static final String VALUES = "values";
    private static final String TOTAL = "models_found";
    private static final int VALUES_PER_FACET = 20;

    private ModelFacets() {
    }

    /** Every aggregation of a grouped search: its total of models, and its facets. */
    static Map<String, Aggregation> aggregations(SearchQuery query) {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        aggregations.put(TOTAL, Aggregation.of(a -> a.filter(FilterQuery.of(query.filters()))
                .aggregations(MODELS, models())));
        for (FilterField facet : query.facets()) {
            aggregations.put(facet.parameter(), Aggregation.of(a -> a.filter(FilterQuery.of(query.filters().without(facet)))
                    .aggregations(VALUES, v -> v.terms(t -> t.field(facet.field()).size(VALUES_PER_FACET)
                                    .order(List.of(NamedValue.of(MODELS, SortOrder.Desc), NamedValue.of("_key", SortOrder.Asc))))
                            .aggregations(MODELS, models()))));
        }
        return aggregations;
    }

    static long models(Map<String, Aggregate> aggregations) {
        return aggregations.get(TOTAL).filter().aggregations().get(MODELS).cardinality().value();
    }

    /** The counts of each facet asked for, the value most models have first. */
    static Map<String, List<FacetCount>> read(List<FilterField> facets, Map<String, Aggregate> aggregations) {
        Map<String, List<FacetCount>> counts = new LinkedHashMap<>();
        for (FilterField facet : facets) {
            Aggregate values = aggregations.get(facet.parameter()).filter().aggregations().get(VALUES);
            // A field no card of the index has yet is unmapped: no values, rather than a failure.
            counts.put(facet.parameter(), !values.isSterms() ? List.of() : values.sterms().buckets().array().stream()
                    .map(bucket -> new FacetCount(bucket.key().stringValue(),
                            bucket.aggregations().get(MODELS).cardinality().value())).toList());
        }
        return counts;
    }

    private static Aggregation models() {
        return Aggregation.of(m -> m.cardinality(c -> c.field(MODEL_FIELD).precisionThreshold(EXACT_UP_TO)));
    }
}
