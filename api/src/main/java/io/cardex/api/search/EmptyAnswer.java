package io.cardex.api.search;

import java.util.List;
import java.util.Map;

/**
 * What a search that found no card says besides, so that it is no dead end.
 *
 * @param didYouMean    searches to try instead: the closest model names, then the words corrected;
 *                      null when the search had no words to correct
 * @param withoutFilter for each filter parameter given, how many cards leaving out that one filter
 *                      would find; null when no filter was given
 */
public record EmptyAnswer(List<String> didYouMean, Map<String, Long> withoutFilter) {
}
