package io.cardex.api.search;

import java.util.List;
import java.util.Map;

/**
 * The versions found of one model of a grouped page, as the versions request of {@link ModelGrouping} answers them.
 *
 * @param count      how many of its cards the search and its filters match
 * @param newest     its newest version found, as stored
 * @param highlights the passages of the newest version where the words were found; empty without words
 * @param versions   its first {@link ModelGrouping#MAX_VERSIONS} versions found, newest first
 */
record FoundVersions(long count, StoredCard newest, Map<String, List<String>> highlights, List<ModelVersion> versions) {
}
