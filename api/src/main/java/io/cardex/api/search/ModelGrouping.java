package io.cardex.api.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.transport.Endpoint;
import io.cardex.cardindex.CardIndexNames;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A search answering one hit per model: Elasticsearch collapses the cards found on their
 * {@code model}, ranking each model by its best card under the search's sort; a second request
 * gives each model of the page its versions found, newest first, the newest shown as the hit.
 *
 * <p>Collapse could expand each model itself (its inner hits), but it runs the search again for
 * every model of the page: with the words' fields, paper links and typos, that cost Elasticsearch
 * six times the search. The second request runs it once, for the models of the page only.
 */
final class ModelGrouping {

    /** The versions listed in a hit. */
    static final int MAX_VERSIONS = 100;
    /** Elasticsearch serves collapsed hits up to this position; it cannot page them with search_after. */
    private static final int RESULT_WINDOW = 10_000;
    private static final String MODELS = "models";
    private static final String VERSIONS = "versions";
    private static final String NEWEST = "newest";
    /** Newest version first; two cards of one version (two backends) in the order of their keys. */
    static final List<SortOptions> NEWEST_FIRST = List.of(
            SortOptions.of(s -> s.field(f -> f.field("version_order").order(SortOrder.Desc).missing("_last"))),
            SortOptions.of(s -> s.field(f -> f.field("key").order(SortOrder.Asc))));

    /** The search endpoint, its answer read by {@link VersionsAnswer} rather than the client's typed parser. */
    private static final Endpoint<SearchRequest, Map<String, FoundVersions>, ErrorResponse> VERSIONS_ENDPOINT =
            SearchRequest._ENDPOINT.withResponseDeserializer(new VersionsAnswer(MODELS, NEWEST, VERSIONS));

    private final ElasticsearchClient client;
    private final CardIndexNames names;

    ModelGrouping(ElasticsearchClient client, CardIndexNames names) {
        this.client = client;
        this.names = names;
    }

    ModelSearchResult search(SearchQuery query, Query matching) throws IOException {
        int start = query.cursor().map(ModelGrouping::position).orElse(query.from());
        // One model more than asked tells whether there is a next page.
        int window = Math.max(0, Math.min(query.size() + 1, RESULT_WINDOW - start));
        SearchResponse<Void> response = client.search(s -> s.index(names.alias()).source(src -> src.fetch(false))
                .query(CardsOnly.of(matching)).postFilter(FilterQuery.of(query.filters()))
                .sort(SortClauses.of(query.sorting())).from(start).size(window)
                .trackTotalHits(t -> t.enabled(true))
                .collapse(c -> c.field(ModelFacets.MODEL_FIELD))
                .aggregations(ModelFacets.aggregations(query)), Void.class);

        List<Hit<Void>> hits = response.hits().hits();
        List<Hit<Void>> page = hits.subList(0, Math.min(hits.size(), query.size()));
        long cards = response.hits().total() == null ? 0 : response.hits().total().value();
        String nextCursor = hits.size() > query.size()
                ? new Cursor(query.grouping().cursorSorting(query.sorting()), List.of(start + page.size())).encode() : null;
        Map<String, FoundVersions> versions = versions(query, matching, page.stream().map(ModelGrouping::model).toList());
        return new ModelSearchResult(query.text(), new ModelSearchResult.Total(ModelFacets.models(response.aggregations()), cards),
                nextCursor, query.facets().isEmpty() ? null : ModelFacets.read(query.facets(), response.aggregations()),
                // A model whose cards all changed between the two requests no longer matches: it is left out.
                page.stream().filter(best -> versions.containsKey(model(best)))
                        .map(best -> toHit(best, versions.get(model(best)))).toList(), null);
    }

    /**
     * The versions found of each model, by model: the cards of the models that the search and its
     * filters match, counted, the newest whole and highlighted, the first {@link #MAX_VERSIONS} in short.
     */
    private Map<String, FoundVersions> versions(SearchQuery query, Query matching, List<String> models)
            throws IOException {
        if (models.isEmpty()) {
            return Map.of();
        }
        List<FieldValue> keys = models.stream().map(FieldValue::of).toList();
        // Filters only: the versions are sorted by version, so nothing needs a score.
        SearchRequest request = SearchRequest.of(s -> s.index(names.alias()).size(0)
                .query(q -> q.bool(b -> b.filter(CardsOnly.of(matching), FilterQuery.of(query.filters()))
                        .filter(f -> f.terms(t -> t.field(ModelFacets.MODEL_FIELD).terms(v -> v.value(keys))))))
                .aggregations(MODELS, a -> a.terms(t -> t.field(ModelFacets.MODEL_FIELD).size(models.size()))
                        .aggregations(NEWEST, newest -> newest.topHits(top -> {
                            top.size(1).sort(NEWEST_FIRST).source(ServedFields.CARD_FOUND);
                            if (!query.text().isEmpty()) {
                                top.highlight(SearchService.highlight(query.text()));
                            }
                            return top;
                        }))
                        .aggregations(VERSIONS, all -> all.topHits(top -> top.size(MAX_VERSIONS).sort(NEWEST_FIRST)
                                .source(ModelVersion.SOURCE)))));
        return client._transport().performRequest(request, VERSIONS_ENDPOINT, client._transportOptions());
    }

    /** How many models came before the page a cursor continues: at most the positions Elasticsearch serves. */
    private static int position(Cursor cursor) {
        long position = ((Number) cursor.after().get(0)).longValue();
        if (position < 0 || position > RESULT_WINDOW) {
            throw Cursor.malformed();
        }
        return (int) position;
    }

    private static String model(Hit<Void> collapsed) {
        return collapsed.fields().get(ModelFacets.MODEL_FIELD).to(String[].class)[0];
    }

    private static ModelHit toHit(Hit<Void> best, FoundVersions found) {
        // Sorted by anything but relevance, Elasticsearch scores nothing and says NaN, which JSON cannot write.
        Double score = best.score() == null || best.score().isNaN() ? null : best.score();
        return new ModelHit(score, found.highlights().isEmpty() ? null : found.highlights(), found.newest(),
                found.count(), found.versions());
    }
}
