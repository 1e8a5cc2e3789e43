package io.cardex.cardindex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the cards an earlier release indexed their {@code backend}, {@code model} and
 * {@code version_order} (added when searches were grouped by model) and their
 * {@code metric_percents} (added for sorts by a metric), in place. Each card is written again at the version it
 * has ({@code external_gte}): a newer change of the card written meanwhile is never replaced, and
 * the next change of the card is still newer than what is stored.
 */
final class EarlierCards {

    private static final Logger log = LoggerFactory.getLogger(EarlierCards.class);
    private static final int BATCH = 500;
    private static final int CONFLICT = 409;
    private static final Query WITHOUT_MODEL = Query.of(q -> q.bool(b -> b.mustNot(m -> m.exists(e -> e.field("model")))));
    private static final Query WITHOUT_METRIC_PERCENTS = Query.of(q -> q.bool(b -> b
            .filter(f -> f.nested(n -> n.path("card.header.evaluation.metrics").query(all -> all.matchAll(m -> m))))
            .mustNot(m -> m.nested(n -> n.path("metric_percents").query(all -> all.matchAll(a -> a))))));

    private final ElasticsearchClient client;
    private final CardIndexNames names;

    EarlierCards(ElasticsearchClient client, CardIndexNames names) {
        this.client = client;
        this.names = names;
    }

    void addDerivedFields() throws IOException {
        long written = 0;
        while (true) {
            client.indices().refresh(r -> r.index(names.alias()));
            SearchResponse<CardDocument> response = client.search(s -> s.index(names.alias()).size(BATCH).version(true)
                    .query(q -> q.bool(b -> b.should(WITHOUT_MODEL, WITHOUT_METRIC_PERCENTS).minimumShouldMatch("1")
                            .mustNot(m -> m.term(t -> t.field(RepositoryDocument.KIND_FIELD).value(RepositoryDocument.KIND))))),
                    CardDocument.class);
            List<Hit<CardDocument>> cards = response.hits().hits();
            if (cards.isEmpty()) {
                break;
            }
            BulkResponse bulk = client.bulk(b -> {
                cards.forEach(card -> b.operations(op -> op.index(i -> i.index(card.index()).id(card.id())
                        .version(card.version()).versionType(VersionType.ExternalGte).document(card.source().withModel()))));
                return b;
            });
            List<BulkResponseItem> refused = bulk.items().stream()
                    .filter(item -> item.error() != null && item.status() != CONFLICT).toList();
            if (!refused.isEmpty()) {
                // Searches group such a card with the others lacking a model until its next change or a reindex.
                log.warn("{} cards of an earlier release could not be given their model ({}: {}); they get it when they"
                        + " change, or all at once with cardex reindex", refused.size(), refused.get(0).id(),
                        refused.get(0).error().reason());
                break;
            }
            written += cards.size();
        }
        if (written > 0) {
            log.info("gave {} cards of an earlier release their model and metrics in percent, in place", written);
        }
    }
}
