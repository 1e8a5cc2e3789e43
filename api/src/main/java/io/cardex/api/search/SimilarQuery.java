package io.cardex.api.search;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A request for the cards like one card.
 *
 * @param key    the card's key, {@code <repository>/<user-id>/.../<name>}
 * @param size   how many cards to return, 1 to {@link #MAX_SIZE}
 * @param status which cards may be returned: valid ones unless asked otherwise
 */
public record SimilarQuery(String key, int size, StatusFilter status) {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 50;

    /** The request for the cards like the card of this key, from the query parameters of {@code /similar}. */
    public static SimilarQuery parse(String key, Map<String, List<String>> parameters) {
        RequestParameters request = new RequestParameters(parameters);
        for (String name : request.names()) {
            if (!name.equals("size") && !name.equals("status")) {
                throw new InvalidQueryException(name, "is not a parameter of /similar: use size or status");
            }
        }
        return new SimilarQuery(key, request.number("size", DEFAULT_SIZE), StatusFilter.parse(request.single("status")));
    }

    public SimilarQuery {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidQueryException("size", "must be between 1 and " + MAX_SIZE + ", not " + size);
        }
    }
}
