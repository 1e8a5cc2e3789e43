package io.cardex.api.search;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchQuery}.
 *
 * @param total      how many cards match in all
 * @param nextCursor where the next page starts, for {@code cursor}; null on the last page
 * @param facets     for each facet asked for, its most frequent values with their counts; null when none was
 * @param cards      the page asked for
 * @param empty      for a search that found no card, what to try instead; null otherwise
 */
public record SearchResult(String query, long total, String nextCursor, Map<String, List<FacetCount>> facets,
                           List<CardHit> cards, @JsonUnwrapped EmptyAnswer empty) {
}
