package io.cardex.api.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.cardex.cardindex.CardIndexNames;
import io.cardex.cardindex.CardMeaning;
import io.cardex.embedding.QueryLanguage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which cards a search matches in its mode, as one query, so that filters, facets, grouping by
 * model, highlights and cursors work the same in every mode.
 * <ul>
 * <li>{@code semantic}: the cards nearest in meaning (kNN on the cards' vectors), at most
 * {@link #CANDIDATES} of them and only those {@link #NEAR_ENOUGH}.</li>
 * <li>{@code hybrid}: the cards the words match, and the nearest in meaning, ranked by reciprocal
 * rank fusion of the two rankings. The Elasticsearch of the test stack has no {@code rrf}
 * retriever (nor does a basic license allow it), so the API fuses: it asks for each ranking's
 * first {@link #CANDIDATES} cards, within the filters, and fuses them ({@link RankFusion}); the
 * query then gives each card its fused score as a constant.
 * The words' other matches follow, below every fused card. The cards near enough in meaning are
 * matched by the query too, not only through the fused keys (which were ranked within the
 * filters): so a facet, which counts without its own filter, and the counts of an empty answer
 * without each filter, count the cards that the search without that filter would find.</li>
 * </ul>
 * A hybrid search thus finds the cards holding the words and the cards near enough in meaning
 * (at most {@link #CANDIDATES}): its total counts both, and it finds nothing only when neither does.
 * A question the model cannot read, or that asks for exact words, is answered by its words: empty,
 * a digest, in Chinese (the model is English only; the Chinese versions of cards are found by their
 * words), or with a {@code "quoted phrase"} or an {@code -exclusion}.
 */
final class MeaningMatch {

    /** How many cards each ranking offers the fusion, and the nearest cards semantic search answers at most. */
    static final int CANDIDATES = 100;
    /**
     * The least cosine similarity of a card to the question for it to count as near. Measured with
     * the vectors of 48 word pieces ({@code TextEmbedder.PIECES}): gibberish and typos come no nearer
     * than 0.29 to any card of the relevance corpus, but {@code refnenett} comes 0.32 near RefineNet's
     * example card (0.29 from 128 pieces, when the floor was 0.3), while a card answering a question is
     * mostly above 0.33; without a floor, every search would answer the 100 nearest cards, however
     * far, and never "nothing found".
     */
    static final float NEAR_ENOUGH = 0.33f;
    /** What a word match or a near card beyond the fused cards scores: it ranks them after every fused card. */
    private static final float BEYOND_FUSED = 1e-6f;

    private final ElasticsearchClient client;
    private final CardIndexNames names;
    private final QueryVectors vectors;

    MeaningMatch(ElasticsearchClient client, CardIndexNames names, QueryVectors vectors) {
        this.client = client;
        this.names = names;
        this.vectors = vectors;
    }

    /** The query of the search in its mode, given the query of its words. */
    Query query(SearchQuery search, Query words) throws IOException {
        if (search.mode() == SearchMode.TEXT || !embeddable(search)) {
            return words;
        }
        Query nearest = nearest(search.text());
        return search.mode() == SearchMode.SEMANTIC ? nearest : fused(search, words, nearest);
    }

    private static boolean embeddable(SearchQuery search) {
        if (search.text().isEmpty() || DigestQuery.in(search.text()).isPresent()
                || !QueryLanguage.embeddable(search.text())) {
            return false;
        }
        // A "quoted phrase" or an -exclusion asks for exact words: cards near in meaning would go against it.
        QueryText parts = QueryText.parse(search.text());
        return parts.phrases().isEmpty() && parts.excluded().isEmpty();
    }

    private Query nearest(String text) {
        return near(vectors.of(text), Optional.empty());
    }

    /**
     * The {@link #CANDIDATES} cards nearest to the vector that are near enough ({@link #NEAR_ENOUGH}),
     * among the cards {@code among} matches when given (filtered before the nearest are taken).
     */
    static Query near(List<Float> vector, Optional<Query> among) {
        return Query.of(q -> q.knn(k -> {
            among.ifPresent(k::filter);
            return k.field(CardMeaning.VECTOR_FIELD).queryVector(vector).k(CANDIDATES)
                    .numCandidates(2 * CANDIDATES).similarity(NEAR_ENOUGH);
        }));
    }

    private Query fused(SearchQuery search, Query words, Query nearest) throws IOException {
        Map<String, Double> scores = RankFusion.fuse(List.of(ranked(words, search.filters()),
                ranked(nearest, search.filters())));
        return Query.of(q -> q.bool(b -> {
            scores.forEach((key, score) -> b.should(s -> s.constantScore(c -> c.boost(score.floatValue())
                    .filter(f -> f.ids(i -> i.values(key))))));
            return b.should(s -> s.constantScore(c -> c.boost(BEYOND_FUSED).filter(words)))
                    .should(s -> s.constantScore(c -> c.boost(BEYOND_FUSED).filter(nearest))).minimumShouldMatch("1");
        }));
    }

    /** The keys of the first cards of a ranking, within the search's filters. */
    private List<String> ranked(Query query, Filters filters) throws IOException {
        SearchResponse<Void> response = client.search(s -> s.index(names.alias()).source(src -> src.fetch(false))
                .query(CardsOnly.of(query)).postFilter(FilterQuery.of(filters)).size(CANDIDATES)
                .trackTotalHits(t -> t.enabled(false)), Void.class);
        return response.hits().hits().stream().map(Hit::id).toList();
    }
}
