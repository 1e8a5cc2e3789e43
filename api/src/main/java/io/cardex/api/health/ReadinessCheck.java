package io.cardex.api.health;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.cardex.cardindex.CardIndexNames;
import java.io.IOException;

/** Asks Elasticsearch whether it answers and holds the card index, for {@code GET /ready}. */
public final class ReadinessCheck {

    private final ElasticsearchClient client;
    private final CardIndexNames names;

    public ReadinessCheck(ElasticsearchClient client, CardIndexNames names) {
        this.client = client;
        this.names = names;
    }

    public Readiness check() {
        try {
            client.cluster().health();
            return client.indices().existsAlias(a -> a.name(names.alias())).value()
                    ? Readiness.READY : Readiness.INDEX_MISSING;
        } catch (IOException | ElasticsearchException e) {
            return Readiness.ELASTICSEARCH_UNREACHABLE;
        }
    }
}
