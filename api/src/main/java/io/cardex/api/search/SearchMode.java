package io.cardex.api.search;

import java.util.Locale;

/**
 * How a search ranks cards: by the words they hold ({@code text}), by how near their meaning is to
 * the question's ({@code semantic}), or both, fused by their ranks ({@code hybrid}, the default).
 */
public enum SearchMode {
    TEXT, SEMANTIC, HYBRID;

    /**
     * What a search without {@code mode} does: hybrid, measured better than the words alone on
     * questions and as good on names (docs/BENCHMARKS.md, "Relevance benchmark").
     */
    public static final SearchMode DEFAULT = HYBRID;

    /** The {@code mode} parameter: {@link #DEFAULT} when absent. */
    public static SearchMode parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "semantic" -> SEMANTIC;
            case "hybrid" -> HYBRID;
            default -> throw new InvalidQueryException("mode", "is '" + value + "': use hybrid (words and meaning, the default),"
                    + " text (the words) or semantic (the meaning)");
        };
    }
}
