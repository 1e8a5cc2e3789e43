package io.cardex.card.internals;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of a card's YAML header in file order, each with where it stands in the file.
 * Scalars are kept as text exactly as written: {@code 1.10} stays "1.10", not the number 1.1.
 *
 * @param positions where every key stands, nested ones too, by path: {@code asset[0].asset-link}
 */
public record Header(Map<String, Entry> entries, Map<String, Position> positions) {

    public static final Header EMPTY = new Header(Map.of(), Map.of());

    /**
     * One header field.
     *
     * @param value a String, a List of values or a Map of String to values
     */
    public record Entry(String key, Object value, int line, int column) {
    }

    /** A 1-based line and column in the card file. */
    public record Position(int line, int column) {
    }

    public Header {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        positions = Map.copyOf(positions);
    }

    /** Where a key stands, or else where the nearest enclosing key stands. */
    public Position positionOf(String path) {
        for (String candidate = path; !candidate.isEmpty(); candidate = parentOf(candidate)) {
            Position position = positions.get(candidate);
            if (position != null) {
                return position;
            }
        }
        return new Position(0, 0);
    }

    private static String parentOf(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }
}
