package io.cardex.api.search;

import java.util.List;

/** The answer to a {@link SearchQuery}: how many cards match in all, and the page asked for. */
public record SearchResult(String query, long total, List<CardHit> cards) {
}
