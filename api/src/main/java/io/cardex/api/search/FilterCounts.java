package io.cardex.api.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.FiltersBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.cardex.cardindex.CardDocument;
import io.cardex.cardindex.CardIndexNames;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which filter removed every card: for each filter parameter given, how many cards the search
 * would find without it, the others kept. One request, counts only, made only for an empty answer.
 */
final class FilterCounts {

    private static final String WITHOUT = "without";

    private final ElasticsearchClient client;
    private final CardIndexNames names;

    FilterCounts(ElasticsearchClient client, CardIndexNames names) {
        this.client = client;
        this.names = names;
    }

    /** For each filter parameter given, in the order of {@link Filters#given()}, the cards found without it. */
    Map<String, Long> withoutEach(Query matching, Filters filters) throws IOException {
        Map<String, Query> buckets = new LinkedHashMap<>();
        filters.given().forEach(parameter -> buckets.put(parameter, FilterQuery.of(filters.without(parameter))));
        if (buckets.isEmpty()) {
            return Map.of();
        }
        SearchResponse<CardDocument> response = client.search(s -> s.index(names.alias()).size(0)
                .query(CardsOnly.of(matching))
                .aggregations(WITHOUT, a -> a.filters(f -> f.filters(b -> b.keyed(buckets)))), CardDocument.class);
        Map<String, FiltersBucket> counted = response.aggregations().get(WITHOUT).filters().buckets().keyed();
        Map<String, Long> counts = new LinkedHashMap<>();
        buckets.keySet().forEach(parameter -> counts.put(parameter, counted.get(parameter).docCount()));
        return counts;
    }
}
