package io.cardex.api.search;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.cardex.cardindex.CardDocument;
import java.util.List;
import java.util.Map;

/**
 * One card found.
 *
 * @param score      how well it matched; null when sorted by something else
 * @param highlights for each field where the words matched, passages with the words between
 *                   {@code <em>} and {@code </em>}, the rest HTML-escaped; null without words
 */
public record CardHit(Double score, Map<String, List<String>> highlights, @JsonUnwrapped CardDocument document) {
}
