package io.cardex.api.search;

import io.cardex.card.Card;
import io.cardex.card.Metric;
import io.cardex.cardindex.CardDocument;
import io.cardex.cardindex.CardStatus;

/**
 * One version of a model: one of its cards, in short.
 *
 * @param version the card's version ({@code 1.10}); null when its path and header name none
 * @param backend the backend folder of the hub's older layout ({@code gpu}); null without one
 * @param key     the card's key, for {@code /cards/{key}}
 * @param metric  the first metric of the card's evaluation; null without one
 */
public record ModelVersion(String version, String backend, String key, CardStatus status, Metric metric) {

    static ModelVersion of(CardDocument document) {
        Card card = document.card();
        Metric metric = card.header() == null || card.header().evaluation() == null
                || card.header().evaluation().metrics().isEmpty() ? null : card.header().evaluation().metrics().get(0);
        return new ModelVersion(document.version().orElse(null), card.id().backend().orElse(null), document.key(),
                document.status(), metric);
    }
}
