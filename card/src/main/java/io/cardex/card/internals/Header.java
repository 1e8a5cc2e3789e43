package io.cardex.card.internals;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of a card's YAML header in file order, each with where it stands in the file.
 * Scalars are kept as text exactly as written: {@code 1.10} stays "1.10", not the number 1.1.
 */
public record Header(Map<String, Entry> entries) {

    public static final Header EMPTY = new Header(Map.of());

    /**
     * One header field.
     *
     * @param value a String, a List of values or a Map of String to values
     */
    public record Entry(String key, Object value, int line, int column) {
    }

    public Header {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }
}
