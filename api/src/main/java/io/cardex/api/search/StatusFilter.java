package io.cardex.api.search;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which cards a search looks at, by validity. Invalid cards are indexed so that their authors can
 * find and fix them, but a default search shows the cards people can use.
 */
public enum StatusFilter {
    VALID, INVALID, ALL;

    /** The {@code status} parameter: {@code valid} when absent. */
    public static StatusFilter parse(String value) {
        if (value == null || value.isBlank()) {
            return VALID;
        }
        return Arrays.stream(values()).filter(filter -> filter.name().equalsIgnoreCase(value.strip())).findFirst()
                .orElseThrow(() -> new InvalidQueryException("status", "is '" + value
                        + "': use valid (the default), invalid or all"));
    }

    /** The value of the {@code status} field to keep, or empty to keep every card. */
    Optional<String> indexedStatus() {
        return this == ALL ? Optional.empty() : Optional.of(name().toLowerCase(Locale.ROOT));
    }
}
