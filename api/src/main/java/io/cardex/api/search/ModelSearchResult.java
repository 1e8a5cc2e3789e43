package io.cardex.api.search;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchQuery} grouped by model.
 *
 * @param total      how many models, and how many cards of them, match in all
 * @param nextCursor where the next page starts, for {@code cursor}; null on the last page
 * @param facets     for each facet asked for, its most frequent values with how many models have them; null when
 *                   none was asked for
 * @param cards      the page asked for: one hit per model
 * @param empty      for a search that found no card, what to try instead; null otherwise
 */
public record ModelSearchResult(String query, Total total, String nextCursor, Map<String, List<FacetCount>> facets,
                                List<ModelHit> cards, @JsonUnwrapped EmptyAnswer empty) {

    /** The same empty answer, with what to try instead. */
    ModelSearchResult explained(EmptyAnswer whatToTry) {
        return new ModelSearchResult(query, total, nextCursor, facets, cards, whatToTry);
    }

    /** How many models match, and how many cards they have that match. */
    public record Total(long models, long cards) {
    }
}
