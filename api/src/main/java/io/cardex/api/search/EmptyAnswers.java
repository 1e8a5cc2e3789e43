package io.cardex.api.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.cardex.cardindex.CardIndexNames;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** Explains a search that found no card: what to search for instead, and which filter removed everything. */
final class EmptyAnswers {

    private final DidYouMean didYouMean;
    private final FilterCounts filterCounts;

    EmptyAnswers(ElasticsearchClient client, CardIndexNames names) {
        this.didYouMean = new DidYouMean(client, names);
        this.filterCounts = new FilterCounts(client, names);
    }

    /** For a search that found nothing, with the query its words and digest made. */
    EmptyAnswer explain(SearchQuery query, Query matching) throws IOException {
        // A digest is no misspelt word: names "like" it would only mislead.
        boolean words = !query.text().isEmpty() && DigestQuery.in(query.text()).isEmpty();
        List<String> suggestions = words ? didYouMean.suggest(query.text(), query.filters()) : null;
        Map<String, Long> counts = filterCounts.withoutEach(matching, query.filters());
        return new EmptyAnswer(suggestions, counts.isEmpty() ? null : counts);
    }
}
