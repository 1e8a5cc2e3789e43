package io.cardex.api.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Suggestion;
import co.elastic.clients.elasticsearch.core.search.TermSuggest;
import co.elastic.clients.elasticsearch.core.search.TermSuggestOption;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cardex.cardindex.CardIndexNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What to search for instead when the words find no card: the model names closest to the words
 * (up to two letters wrong in each), then the words with each one the index lacks replaced by
 * the closest word of the cards' text. One request to Elasticsearch, made only for an empty answer.
 *
 * <p>Words are corrected one by one with the term suggester: a phrase suggester would need a
 * field of word pairs (shingles), which the Elasticsearch of Maven Central cannot build without
 * its analysis-common module.
 */
final class DidYouMean {

    private static final int MAX_SUGGESTIONS = 5;
    private static final int NAMES_LOOKED_AT = 10;
    private static final String MODEL_NAME = "card.header.model_name";
    /** The text holding most of a card's words, and the only one corrected against: see {@link #corrected}. */
    private static final String TEXT = "card.body.markdown";
    private static final String WORDS = "words";

    private final ElasticsearchClient client;
    private final CardIndexNames names;

    DidYouMean(ElasticsearchClient client, CardIndexNames names) {
        this.client = client;
        this.names = names;
    }

    /** Up to five searches to try, names first; none when the words hold nothing to correct. */
    List<String> suggest(String text, Filters filters) throws IOException {
        QueryText parts = QueryText.parse(text);
        String words = String.join(" ", parts.words());
        if (words.isEmpty()) {
            return List.of();
        }
        // Names of cards the same validity would show: a name only an invalid card has would be a dead end again.
        Filters validity = new Filters(Map.of(FilterField.STATUS,
                filters.values().getOrDefault(FilterField.STATUS, List.of())));
        SearchResponse<ObjectNode> response = client.search(s -> s.index(names.alias()).size(NAMES_LOOKED_AT)
                .source(src -> src.filter(f -> f.includes(MODEL_NAME)))
                .query(CardsOnly.of(Query.of(q -> q.bool(b -> b
                        .must(m -> m.match(match -> match.field(MODEL_NAME).query(words).fuzziness("AUTO")))
                        .filter(FilterQuery.of(validity))))))
                .suggest(g -> g.text(words).suggesters(WORDS, f -> f.term(t -> t.field(TEXT).size(1)))),
                ObjectNode.class);

        Map<String, String> suggestions = new LinkedHashMap<>();
        response.hits().hits().forEach(hit -> {
            String name = hit.source() == null ? "" : hit.source().at("/card/header/model_name").asText("");
            if (!name.isBlank()) {
                suggestions.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
        });
        String corrected = corrected(words, response.suggest().getOrDefault(WORDS, List.of()));
        if (!corrected.equals(words)) {
            suggestions.putIfAbsent(corrected.toLowerCase(Locale.ROOT),
                    withPhrasesAndExclusions(corrected, parts));
        }
        suggestions.remove(text.toLowerCase(Locale.ROOT));
        suggestions.remove(words.toLowerCase(Locale.ROOT));
        return suggestions.values().stream().limit(MAX_SUGGESTIONS).toList();
    }

    /**
     * The words with each one the text field lacks replaced by its closest word there. Only one
     * field is asked: the suggester of a field proposes a word for each word that field lacks, so
     * a field of few words would "correct" words that other fields have.
     */
    private static String corrected(String words, List<Suggestion<ObjectNode>> suggestions) {
        StringBuilder text = new StringBuilder(words);
        List<TermSuggest> entries = new ArrayList<>(suggestions.stream().filter(Suggestion::isTerm)
                .map(Suggestion::term).filter(entry -> !entry.options().isEmpty()).toList());
        // From the end, so that a replacement leaves the offsets of the words before it right.
        entries.sort(Comparator.comparingInt(TermSuggest::offset).reversed());
        for (TermSuggest entry : entries) {
            TermSuggestOption best = entry.options().get(0);
            text.replace(entry.offset(), entry.offset() + entry.length(), best.text());
        }
        return text.toString();
    }

    private static String withPhrasesAndExclusions(String words, QueryText parts) {
        List<String> all = new ArrayList<>(List.of(words));
        all.addAll(parts.phrases());
        parts.excluded().forEach(excluded -> all.add("-" + excluded));
        return String.join(" ", all);
    }
}
