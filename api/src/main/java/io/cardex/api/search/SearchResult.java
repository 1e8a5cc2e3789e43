package io.cardex.api.search;

import java.util.List;
import java.util.Map;

/**
 * The answer to a {@link SearchQuery}.
 *
 * @param total      how many cards match in all
 * @param nextCursor where the next page starts, for {@code cursor}; null on the last page
 * @param facets     for each facet asked for, its most frequent values with their counts; null when none was
 * @param cards      the page asked for
 */
public record SearchResult(String query, long total, String nextCursor, Map<String, List<FacetCount>> facets,
                           List<CardHit> cards) {
}
