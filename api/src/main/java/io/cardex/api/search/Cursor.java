package io.cardex.api.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * Where the next page of a search starts: the sort values of the last card of the page before, for
 * Elasticsearch's {@code search_after}. Unlike {@code from}, it pages through any number of cards
 * and skips or repeats none while the index changes. To the user it is an opaque base64url text.
 *
 * @param sorting the {@link Sorting} the values belong to, as {@link Sorting#toString()} writes it
 * @param after   the sort values: text, numbers or null (a card without the value)
 */
public record Cursor(String sorting, List<Object> after) {

    public static final int MAX_LENGTH = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    public Cursor {
        after = Collections.unmodifiableList(new ArrayList<>(after));
    }

    /** The text a user passes back as {@code cursor}. */
    public String encode() {
        List<Object> fields = new ArrayList<>();
        fields.add(sorting);
        fields.addAll(after);
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(fields));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sort values of a card cannot be written as JSON", e);
        }
    }

    /** Reads a cursor written by {@link #encode()}; anything else is refused naming the parameter. */
    public static Cursor decode(String text) {
        if (text.length() > MAX_LENGTH) {
            throw malformed();
        }
        List<?> fields;
        try {
            fields = JSON.readValue(Base64.getUrlDecoder().decode(text.strip()), List.class);
        } catch (IllegalArgumentException | IOException e) {
            throw malformed();
        }
        if (fields == null || fields.size() < 2 || !(fields.get(0) instanceof String sorting)
                || !fields.stream().allMatch(Cursor::isSortValue)) {
            throw malformed();
        }
        return new Cursor(sorting, new ArrayList<>(fields.subList(1, fields.size())));
    }

    /** Whether the values are those a sorting leaves: as many, each of its kind. */
    boolean fits(List<Sorting.Value> kinds) {
        if (after.size() != kinds.size()) {
            return false;
        }
        for (int i = 0; i < kinds.size(); i++) {
            if (!fits(kinds.get(i), after.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean fits(Sorting.Value kind, Object value) {
        return switch (kind) {
            case TEXT -> value == null || value instanceof String;
            case WHOLE_NUMBER -> value instanceof Integer || value instanceof Long;
            // A card without the value sorts with an infinite one, which JSON can only write as text.
            case NUMBER -> value instanceof Number || "Infinity".equals(value) || "-Infinity".equals(value);
        };
    }

    static InvalidQueryException malformed() {
        return new InvalidQueryException("cursor", "is not a cursor of this search: pass the next_cursor of the page"
                + " before exactly as it came");
    }

    private static boolean isSortValue(Object value) {
        return value == null || value instanceof String || value instanceof Number;
    }
}
