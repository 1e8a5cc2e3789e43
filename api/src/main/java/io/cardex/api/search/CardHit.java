package io.cardex.api.search;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.cardex.store.CardDocument;

/** One card found, with how well it matched. */
public record CardHit(Double score, @JsonUnwrapped CardDocument document) {
}
