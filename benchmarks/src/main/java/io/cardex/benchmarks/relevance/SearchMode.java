package io.cardex.benchmarks.relevance;

import java.util.List;
import java.util.Map;

/**
 * A way the API's {@code /search} can rank, and the parameters that ask for it. The report scores
 * each mode of {@link #MEASURED}, one column each.
 */
public record SearchMode(String name, Map<String, String> parameters) {

    /** Matching words. */
    public static final SearchMode TEXT = new SearchMode("text", Map.of("mode", "text"));
    /** Nearest in meaning. */
    public static final SearchMode SEMANTIC = new SearchMode("semantic", Map.of("mode", "semantic"));
    /** Both, fused by rank: the API's default. */
    public static final SearchMode HYBRID = new SearchMode("hybrid", Map.of("mode", "hybrid"));

    /** The modes the report scores, one column each; a new mode of the API is scored by adding it here. */
    public static final List<SearchMode> MEASURED = List.of(TEXT, SEMANTIC, HYBRID);

    public SearchMode {
        parameters = Map.copyOf(parameters);
    }
}
