package io.cardex.api.search;

import java.util.List;
import java.util.Optional;

/**
 * A search as the user asked for it.
 *
 * @param text    words to look for; blank for every card
 * @param size    how many cards to return, 1 to {@link #MAX_SIZE}
 * @param from    how many of the first cards to skip; 0 when a cursor says where to start
 * @param cursor  where the page starts: after the last card of the page before
 * @param sorting the order of the cards
 * @param filters what the cards must have
 * @param facets  the fields whose values are counted, in the order asked for
 * @param grouping one hit per model or per card
 * @param mode    how the cards are matched and ranked: by their words, their meaning, or both
 */
public record SearchQuery(String text, int size, int from, Optional<Cursor> cursor, Sorting sorting, Filters filters,
                          List<FilterField> facets, Grouping grouping, SearchMode mode) {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 100;
    public static final int MAX_TEXT_LENGTH = 500;
    /** Elasticsearch serves at most the first 10,000 cards by position; a cursor goes on from there. */
    public static final int MAX_FROM = 10_000 - MAX_SIZE;

    public SearchQuery {
        text = text == null ? "" : text.strip();
        facets = List.copyOf(facets);
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidQueryException("q", "is " + text.length() + " characters long; the limit is " + MAX_TEXT_LENGTH);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidQueryException("size", "must be between 1 and " + MAX_SIZE + ", not " + size);
        }
        if (from < 0 || from > MAX_FROM) {
            throw new InvalidQueryException("from", "must be between 0 and " + MAX_FROM + ", not " + from
                    + "; page further with the cursor of the page before");
        }
        if (cursor.isPresent()) {
            checkCursor(cursor.get(), from, sorting, grouping);
        }
    }

    private static void checkCursor(Cursor cursor, int from, Sorting sorting, Grouping grouping) {
        if (from > 0) {
            throw new InvalidQueryException("from", "cannot be used with 'cursor': the cursor says where the page starts");
        }
        if (!cursor.sorting().equals(grouping.cursorSorting(sorting))) {
            throw new InvalidQueryException("cursor", "continues a search sorted by " + cursor.sorting()
                    + ", not by " + grouping.cursorSorting(sorting)
                    + ": ask again with the same sort, order and group, or without the cursor");
        }
        if (!cursor.fits(grouping.cursorValues(sorting))) {
            throw Cursor.malformed();
        }
    }
}
