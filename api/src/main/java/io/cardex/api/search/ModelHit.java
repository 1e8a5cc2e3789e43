package io.cardex.api.search;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;

/**
 * One model found: its newest version found, as a card hit, and every version of it found.
 *
 * @param score        how well its best card matched; null when sorted by something else
 * @param highlights   the passages of the newest version where the words were found; null without words
 * @param document     the newest version found, as stored
 * @param versionCount how many of its versions were found; {@code versions} lists the first
 *                     {@link ModelGrouping#MAX_VERSIONS}, {@code /models/...} every one
 * @param versions     the versions found, newest first
 */
public record ModelHit(Double score, Map<String, List<String>> highlights, @JsonUnwrapped StoredCard document,
                       long versionCount, List<ModelVersion> versions) {

    public ModelHit {
        versions = List.copyOf(versions);
    }
}
