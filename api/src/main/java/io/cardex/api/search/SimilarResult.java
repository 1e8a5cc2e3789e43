package io.cardex.api.search;

import java.util.List;

/** The cards most like one card, the most alike first; the card itself is never among them. */
public record SimilarResult(String similarTo, List<CardHit> cards) {
}
