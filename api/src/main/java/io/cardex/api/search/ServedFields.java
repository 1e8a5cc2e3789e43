package io.cardex.api.search;

import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import java.util.List;

/**
 * What of a stored card the API serves. The words cardex derives to search by are the index's
 * business, never served; a list of cards found leaves out the long texts of each card too: they
 * make most of a card's bytes, and a page of whole cards costs the API more to read and write
 * than Elasticsearch takes to find them. {@code GET /cards/{key}} serves them.
 */
final class ServedFields {

    static final List<String> SEARCH_ONLY = List.of("other_text", "identifier_words", "version_order", "metric_percents", "meaning");
    private static final List<String> LONG_TEXTS = List.of(
            "card.body.markdown", "card.body.sections.text", "card.chinese.body.markdown",
            "card.chinese.body.sections.text");

    static final SourceConfig CARD_FOUND = SourceConfig.of(s -> s.filter(f -> f.excludes(SEARCH_ONLY).excludes(LONG_TEXTS)));

    private ServedFields() {
    }
}
