package io.cardex.api.search;

import java.util.List;
import java.util.Locale;

/**
 * What one hit of a search is: a model, with the versions of it found ({@code group=model}, the
 * default), or a card ({@code group=card}), as before models were grouped.
 */
public enum Grouping {
    MODEL, CARD;

    /** The {@code group} parameter: {@code model} when absent. */
    public static Grouping parse(String value) {
        if (value == null || value.isBlank()) {
            return MODEL;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "model" -> MODEL;
            case "card" -> CARD;
            default -> throw new InvalidQueryException("group", "is '" + value
                    + "': use model (the default: one hit per model, with its versions) or card (one hit per card)");
        };
    }

    /**
     * What a cursor of this grouping records of the search it continues: a grouped page is found
     * by its position, so a cursor of one grouping never continues the other.
     */
    String cursorSorting(Sorting sorting) {
        return this == MODEL ? "models/" + sorting : sorting.toString();
    }

    /**
     * The values a cursor holds: the sort values of the last card for cards; for models, how many
     * came before, as Elasticsearch pages collapsed hits by position only.
     */
    List<Sorting.Value> cursorValues(Sorting sorting) {
        return this == MODEL ? List.of(Sorting.Value.WHOLE_NUMBER) : sorting.cursorValues();
    }
}
