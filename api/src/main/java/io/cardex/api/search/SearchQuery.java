package io.cardex.api.search;

/**
 * A search as the user asked for it.
 *
 * @param text words to look for; blank for every card
 * @param size how many cards to return, 1 to {@link #MAX_SIZE}
 * @param from how many of the best cards to skip
 * @param status which cards to look at: valid ones unless asked otherwise
 */
public record SearchQuery(String text, int size, int from, StatusFilter status) {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 100;
    public static final int MAX_TEXT_LENGTH = 500;
    public static final int MAX_FROM = 10_000 - MAX_SIZE;

    public SearchQuery {
        text = text == null ? "" : text.strip();
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InvalidQueryException("q", "is " + text.length() + " characters long; the limit is " + MAX_TEXT_LENGTH);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidQueryException("size", "must be between 1 and " + MAX_SIZE + ", not " + size);
        }
        if (from < 0 || from > MAX_FROM) {
            throw new InvalidQueryException("from", "must be between 0 and " + MAX_FROM + ", not " + from);
        }
    }
}
