package io.cardex.api.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.CompletionSuggestOption;
import io.cardex.cardindex.CardIndexNames;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Model names that start with what a user has typed so far, for autocomplete. */
public final class SuggestService {

    public static final int MAX_PREFIX_LENGTH = 100;
    private static final int SUGGESTIONS = 10;
    private static final String SUGGESTION = "names";

    private final ElasticsearchClient client;
    private final CardIndexNames names;

    public SuggestService(ElasticsearchClient client, CardIndexNames names) {
        this.client = client;
        this.names = names;
    }

    /** Up to ten model names, each once, the best first. */
    public List<String> suggest(String prefix) throws IOException {
        String typed = prefix == null ? "" : prefix.strip();
        if (typed.isEmpty()) {
            throw new InvalidQueryException("prefix", "is missing: give the first letters of a model name");
        }
        if (typed.length() > MAX_PREFIX_LENGTH) {
            throw new InvalidQueryException("prefix", "is " + typed.length() + " characters long; the limit is "
                    + MAX_PREFIX_LENGTH);
        }
        // Only the names: each suggestion would otherwise come with its whole card, read for nothing.
        SearchResponse<Void> response = client.search(s -> s.index(names.alias()).size(0).source(src -> src.fetch(false))
                .suggest(g -> g.suggesters(SUGGESTION, f -> f.prefix(typed)
                        .completion(c -> c.field("card.header.model_name.suggest").size(SUGGESTIONS * 2)
                                .skipDuplicates(true)))), Void.class);
        Set<String> suggestions = new LinkedHashSet<>();
        response.suggest().getOrDefault(SUGGESTION, List.of()).forEach(suggestion ->
                suggestion.completion().options().stream().map(CompletionSuggestOption::text)
                        .forEach(suggestions::add));
        return suggestions.stream().limit(SUGGESTIONS).toList();
    }
}
