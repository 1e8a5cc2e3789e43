package io.cardex.api.search;

import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import io.cardex.card.Card;
import io.cardex.card.CardId;
import io.cardex.card.Evaluation;
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

    /**
     * What of a stored card a version is made of. A grouped search lists up to a hundred versions
     * of each model found: reading only these fields of them, rather than whole cards, spares
     * Elasticsearch and the API most of the work of a search.
     */
    static final SourceConfig SOURCE = SourceConfig.of(s -> s.filter(f -> f.includes(
            "key", "status", "card.id", "card.header.mindspore_version", "card.header.evaluation.metrics")));

    static ModelVersion of(CardDocument document) {
        Card card = document.card();
        return of(document.key(), document.status(), card.id(), card.header() == null ? null : card.header().mindsporeVersion(),
                card.header() == null ? null : card.header().evaluation());
    }

    /** A version from the fields {@link #SOURCE} reads. */
    static ModelVersion of(Stored stored) {
        Stored.StoredHeader header = stored.card().header();
        return of(stored.key(), stored.status(), stored.card().id(), header == null ? null : header.mindsporeVersion(),
                header == null ? null : header.evaluation());
    }

    private static ModelVersion of(String key, CardStatus status, CardId id, String mindsporeVersion, Evaluation evaluation) {
        Metric metric = evaluation == null || evaluation.metrics() == null || evaluation.metrics().isEmpty()
                ? null : evaluation.metrics().get(0);
        // As CardDocument#version: the folder before the card's name, else its MindSpore version.
        return new ModelVersion(id.version().orElse(mindsporeVersion), id.backend().orElse(null), key, status, metric);
    }

    /** The fields of a stored card that {@link #SOURCE} reads, as Elasticsearch answers them. */
    record Stored(String key, CardStatus status, StoredCard card) {

        record StoredCard(CardId id, StoredHeader header) {
        }

        record StoredHeader(String mindsporeVersion, Evaluation evaluation) {
        }
    }
}
