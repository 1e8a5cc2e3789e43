package io.cardex.api.search;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The filters of a search: a card must have one of the values given for a field (OR within a
 * field) for every field given (AND across fields).
 */
public record Filters(Map<FilterField, List<String>> values) {

    public static final Filters NONE = new Filters(Map.of());

    public Filters {
        EnumMap<FilterField, List<String>> copy = new EnumMap<>(FilterField.class);
        values.forEach((field, accepted) -> {
            if (!accepted.isEmpty()) {
                copy.put(field, List.copyOf(accepted));
            }
        });
        values = Collections.unmodifiableMap(copy);
    }

    /** These filters without the one on a field: what the counts of that field's facet obey. */
    public Filters without(FilterField field) {
        EnumMap<FilterField, List<String>> rest = new EnumMap<>(FilterField.class);
        rest.putAll(values);
        rest.remove(field);
        return new Filters(rest);
    }
}
