package io.cardex.benchmarks.relevance;

import java.util.List;
import java.util.Map;

/**
 * A way the API's {@code /search} can rank, and the parameters that ask for it. The report scores
 * each mode of {@link #MEASURED}, one column each.
 */
public record SearchMode(String name, Map<String, String> parameters) {

    /** Matching words, the API's default and today its only mode: no parameter asks for it. */
    public static final SearchMode TEXT = new SearchMode("text", Map.of());

    /**
     * The modes the report scores. A new mode of the API is scored by adding it here, such as
     * {@code new SearchMode("hybrid", Map.of("mode", "hybrid"))}.
     */
    public static final List<SearchMode> MEASURED = List.of(TEXT);

    public SearchMode {
        parameters = Map.copyOf(parameters);
    }
}
