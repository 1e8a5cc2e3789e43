package io.cardex.api.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.cardex.cardindex.CardDocument;
import io.cardex.cardindex.CardIndexNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Search over the card index, by words, meaning or both ({@link MeaningMatch}): one Elasticsearch request
 * for the cards, their total and their facets (and, for a hybrid search, one for each ranking fused).
 */
public final class SearchService {

    /** Elasticsearch serves hits up to this position with from and size. */
    private static final int RESULT_WINDOW = 10_000;
    /**
     * The fields with passages in a hit's highlights: short ones whole (no fragment size), long
     * ones in a few passages around the words. The index keeps their words' offsets, so passages
     * are found without analysing the texts again.
     */
    private static final List<HighlightedField> HIGHLIGHTED = List.of(
            HighlightedField.whole("card.title"), HighlightedField.whole("card.header.summary"),
            HighlightedField.passages("card.body.markdown", 150), HighlightedField.passages("card.paper_page.abstract_text", 150),
            HighlightedField.whole("card.chinese.summary"), HighlightedField.passages("card.chinese.body.markdown", 100));
    private static final List<String> HIGHLIGHTED_NAMES = HIGHLIGHTED.stream().map(HighlightedField::name).toList();
    private final ElasticsearchClient client;
    private final CardIndexNames names;
    private final TextMatch textMatch;
    private final MeaningMatch meaningMatch;
    private final ModelGrouping models;
    private final EmptyAnswers emptyAnswers;

    public SearchService(ElasticsearchClient client, CardIndexNames names, QueryVectors vectors) {
        this.client = client;
        this.names = names;
        this.textMatch = new TextMatch(client, names);
        this.meaningMatch = new MeaningMatch(client, names, vectors);
        this.models = new ModelGrouping(client, names);
        this.emptyAnswers = new EmptyAnswers(client, names);
    }

    /** The search answered one hit per model ({@code group=model}), with the versions of each found. */
    public ModelSearchResult searchModels(SearchQuery query) throws IOException {
        Query matching = matching(query);
        ModelSearchResult found = models.search(query, matching);
        return found.total().cards() == 0 ? found.explained(emptyAnswers.explain(query, matching)) : found;
    }

    public SearchResult search(SearchQuery query) throws IOException {
        Query matching = matching(query);
        // One card more than asked tells whether there is a next page; at the end of the window, the total does.
        int window = Math.min(query.size() + 1, RESULT_WINDOW - query.from());
        SearchResponse<CardDocument> response = client.search(s -> {
            s.index(names.alias()).source(ServedFields.CARD_FOUND)
                    .query(CardsOnly.of(matching)).postFilter(FilterQuery.of(query.filters()))
                    .sort(SortClauses.of(query.sorting())).from(query.from()).size(window)
                    .trackTotalHits(t -> t.enabled(true));
            query.cursor().ifPresent(cursor -> s.searchAfter(sortValues(cursor)));
            query.facets().forEach(facet -> s.aggregations(facet.parameter(), Facets.aggregation(facet, query.filters())));
            if (!query.text().isEmpty()) {
                s.highlight(highlight(query.text()));
            }
            return s;
        }, CardDocument.class);

        List<Hit<CardDocument>> hits = response.hits().hits();
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        List<Hit<CardDocument>> page = hits.subList(0, Math.min(hits.size(), query.size()));
        boolean more = hits.size() > query.size() || (window <= query.size() && query.from() + hits.size() < total);
        String nextCursor = more && !page.isEmpty() ? cursorAfter(query.sorting(), page.get(page.size() - 1)) : null;
        return new SearchResult(query.text(), total, nextCursor,
                query.facets().isEmpty() ? null : Facets.read(query.facets(), response.aggregations()),
                page.stream().map(SearchService::toHit).toList(),
                total == 0 ? emptyAnswers.explain(query, matching) : null);
    }

    /** The cards the search matches, in its mode. */
    private Query matching(SearchQuery query) throws IOException {
        return meaningMatch.query(query, DigestQuery.orText(query.text(), textMatch.query(query.text())));
    }

    /**
     * Passages of the text fields people read, with the words as typed marked; short fields whole.
     * Only the words, and only in these fields: marking the names one typo away and the cards
     * linked through a paper, or looking for the words in every field searched, costs
     * Elasticsearch several times the search itself.
     */
    static Highlight highlight(String text) {
        return Highlight.of(h -> {
            h.encoder(HighlighterEncoder.Html).highlightQuery(TextMatch.textQuery(text, HIGHLIGHTED_NAMES));
            HIGHLIGHTED.forEach(field -> h.fields(field.name(), f -> field.passageChars() == 0
                    ? f.numberOfFragments(0) : f.fragmentSize(field.passageChars()).numberOfFragments(2)));
            return h;
        });
    }

    /** A field highlighted whole (passageChars 0), or in two passages of about so many characters. */
    private record HighlightedField(String name, int passageChars) {

        static HighlightedField whole(String name) {
            return new HighlightedField(name, 0);
        }

        static HighlightedField passages(String name, int passageChars) {
            return new HighlightedField(name, passageChars);
        }
    }

    private static String cursorAfter(Sorting sorting, Hit<CardDocument> last) {
        List<Object> values = new ArrayList<>();
        last.sort().forEach(value -> values.add(value.isNull() ? null : value._get()));
        return new Cursor(sorting.toString(), values).encode();
    }

    private static List<FieldValue> sortValues(Cursor cursor) {
        return cursor.after().stream().map(value -> {
            if (value == null) {
                return FieldValue.NULL;
            }
            if (value instanceof Integer || value instanceof Long) {
                return FieldValue.of(((Number) value).longValue());
            }
            return value instanceof Number number ? FieldValue.of(number.doubleValue()) : FieldValue.of((String) value);
        }).toList();
    }

    private static CardHit toHit(Hit<CardDocument> hit) {
        Map<String, List<String>> highlights = hit.highlight().isEmpty() ? null : hit.highlight();
        // Sorted by anything but relevance, Elasticsearch scores nothing and says NaN, which JSON cannot write.
        Double score = hit.score() == null || hit.score().isNaN() ? null : hit.score();
        return new CardHit(score, highlights, hit.source());
    }
}
