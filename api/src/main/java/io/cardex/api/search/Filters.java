package io.cardex.api.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The filters of a search: a card must have one of the values given for a field (OR within a
 * field) for every field given (AND across fields), pass every range, and have an asset with one
 * of the digests, when some are given.
 *
 * @param values  the values accepted per field
 * @param ranges  the ranges of metrics and update time
 * @param digests the SHA-256 digests or prefixes of the {@code sha256} filter, lower-case
 */
public record Filters(Map<FilterField, List<String>> values, RangeFilters ranges, List<String> digests) {

    public static final Filters NONE = new Filters(Map.of());

    public Filters {
        EnumMap<FilterField, List<String>> copy = new EnumMap<>(FilterField.class);
        values.forEach((field, accepted) -> {
            if (!accepted.isEmpty()) {
                copy.put(field, List.copyOf(accepted));
            }
        });
        values = Collections.unmodifiableMap(copy);
        digests = List.copyOf(digests);
    }

    /** Filters on the fields' values only. */
    public Filters(Map<FilterField, List<String>> values) {
        this(values, RangeFilters.NONE, List.of());
    }

    /** These filters without the one on a field: what the counts of that field's facet obey. */
    public Filters without(FilterField field) {
        EnumMap<FilterField, List<String>> rest = new EnumMap<>(FilterField.class);
        rest.putAll(values);
        rest.remove(field);
        return new Filters(rest, ranges, digests);
    }

    /** The parameters of the filters given, each once. */
    List<String> given() {
        List<String> given = new ArrayList<>(values.keySet().stream().map(FilterField::parameter).toList());
        given.addAll(ranges.given());
        if (!digests.isEmpty()) {
            given.add(DigestQuery.PARAMETER);
        }
        return given;
    }

    /** These filters without those of one parameter, as {@link #given()} names it. */
    Filters without(String parameter) {
        Filters rest = FilterField.byParameter(parameter).map(this::without).orElse(this);
        return new Filters(rest.values, ranges.without(parameter),
                parameter.equals(DigestQuery.PARAMETER) ? List.of() : digests);
    }
}
