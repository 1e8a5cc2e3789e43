package io.cardex.api.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HitsMetadata;
import co.elastic.clients.json.JsonData;
import io.cardex.cardindex.CardDocument;
import io.cardex.cardindex.CardIndexNames;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * A search answering one hit per model: Elasticsearch collapses the cards found on their
 * {@code model}, ranking each model by its best card under the search's sort, and expands each
 * into its versions found, newest first, the newest shown as the hit.
 */
final class ModelGrouping {

    /** The versions listed in a hit: Elasticsearch's limit for expanded hits. */
    static final int MAX_VERSIONS = 100;
    /** Elasticsearch serves collapsed hits up to this position; it cannot page them with search_after. */
    private static final int RESULT_WINDOW = 10_000;
    private static final String VERSIONS = "versions";
    /** Newest version first; two cards of one version (two backends) in the order of their keys. */
    static final List<SortOptions> NEWEST_FIRST = List.of(
            SortOptions.of(s -> s.field(f -> f.field("version_order").order(SortOrder.Desc).missing("_last"))),
            SortOptions.of(s -> s.field(f -> f.field("key").order(SortOrder.Asc))));

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
                .collapse(c -> c.field(ModelFacets.MODEL_FIELD).innerHits(inner -> {
                    inner.name(VERSIONS).size(MAX_VERSIONS).sort(NEWEST_FIRST).source(ServedFields.CARD_FOUND);
                    if (!query.text().isEmpty()) {
                        inner.highlight(SearchService.highlight(query.text()));
                    }
                    return inner;
                }))
                .aggregations(ModelFacets.aggregations(query)), Void.class);

        List<Hit<Void>> hits = response.hits().hits();
        List<Hit<Void>> page = hits.subList(0, Math.min(hits.size(), query.size()));
        long cards = response.hits().total() == null ? 0 : response.hits().total().value();
        String nextCursor = hits.size() > query.size()
                ? new Cursor(query.grouping().cursorSorting(query.sorting()), List.of(start + page.size())).encode() : null;
        return new ModelSearchResult(query.text(), new ModelSearchResult.Total(ModelFacets.models(response.aggregations()), cards),
                nextCursor, query.facets().isEmpty() ? null : ModelFacets.read(query.facets(), response.aggregations()),
                page.stream().map(ModelGrouping::toHit).toList(), null);
    }

    /** How many models came before the page a cursor continues: at most the positions Elasticsearch serves. */
    private static int position(Cursor cursor) {
        long position = ((Number) cursor.after().get(0)).longValue();
        if (position < 0 || position > RESULT_WINDOW) {
            throw Cursor.malformed();
        }
        return (int) position;
    }

    private static ModelHit toHit(Hit<Void> best) {
        HitsMetadata<JsonData> versions = best.innerHits().get(VERSIONS).hits();
        Hit<JsonData> newest = versions.hits().get(0);
        Map<String, List<String>> highlights = newest.highlight().isEmpty() ? null : newest.highlight();
        // Sorted by anything but relevance, Elasticsearch scores nothing and says NaN, which JSON cannot write.
        Double score = best.score() == null || best.score().isNaN() ? null : best.score();
        long count = versions.total() == null ? versions.hits().size() : versions.total().value();
        return new ModelHit(score, highlights, document(newest), count,
                versions.hits().stream().map(version -> ModelVersion.of(document(version))).toList());
    }

    private static CardDocument document(Hit<JsonData> hit) {
        return hit.source().to(CardDocument.class);
    }
}
