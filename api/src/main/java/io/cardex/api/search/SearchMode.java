package io.cardex.api.search;

import java.util.Locale;

/**
 * How a search ranks cards: by the words they hold ({@code text}, the default), by how near their
 * meaning is to the question's ({@code semantic}), or both, fused by their ranks ({@code hybrid}).
 */
public enum SearchMode {
    TEXT, SEMANTIC, HYBRID;

    /**
     * What a search without {@code mode} does. Hybrid is measured better (docs/BENCHMARKS.md), but
     * answers more cards than hold the words (totals, typos, "nothing found" change), which the
     * search page and the tests of text search still expect: it becomes the default once they are
     * updated for it.
     */
    public static final SearchMode DEFAULT = TEXT;

    /** The {@code mode} parameter: {@link #DEFAULT} when absent. */
    public static SearchMode parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "semantic" -> SEMANTIC;
            case "hybrid" -> HYBRID;
            default -> throw new InvalidQueryException("mode", "is '" + value + "': use text (the words, the default),"
                    + " semantic (the meaning) or hybrid (both)");
        };
    }
}
