package io.cardex.benchmarks.pipeline;

import io.cardex.api.search.CardsOnly;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.cardex.cardindex.CardIndexNames;
import io.cardex.cardindex.ElasticsearchConnection;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.elasticsearch.client.ResponseException;

/**
 * The card indexes of the benchmark as a user sees them: how many cards a search finds now,
 * without forcing a refresh, so only what the index's own refresh has shown; and each index
 * deleted once measured, so that later runs do not share Elasticsearch with its merges.
 */
final class SearchableCards implements AutoCloseable {

    /** No index yet, or its shard not started yet: no card is searchable. */
    private static final Set<Integer> NOTHING_SEARCHABLE_YET = Set.of(404, 503);

    private final URI url;
    private final ElasticsearchConnection connection;

    SearchableCards(URI url) {
        this.url = url;
        this.connection = new ElasticsearchConnection(url);
    }

    URI url() {
        return url;
    }

    ElasticsearchClient client() {
        return connection.client();
    }

    /** The cards a search of the alias finds now; 0 while the index or its shard is not there yet. */
    long count(CardIndexNames index) throws IOException {
        try {
            return client().count(c -> c.index(index.alias()).query(CardsOnly.all())).count();
        } catch (ElasticsearchException e) {
            if (NOTHING_SEARCHABLE_YET.contains(e.status())) {
                return 0;
            }
            throw e;
        } catch (ResponseException e) {
            // The client passes some errors on as the low-level client's exception, a 503 among them.
            if (NOTHING_SEARCHABLE_YET.contains(e.getResponse().getStatusLine().getStatusCode())) {
                return 0;
            }
            throw e;
        }
    }

    /** Deletes every version of the index (the first, and the one a reindex built), and its template. */
    void drop(CardIndexNames index) throws IOException {
        List<String> versions = List.copyOf(client().indices().get(g -> g.index(index.indexPattern())).result().keySet());
        if (!versions.isEmpty()) {
            client().indices().delete(d -> d.index(versions));
        }
        client().indices().deleteIndexTemplate(d -> d.name(index.templateName()));
    }

    @Override
    public void close() {
        connection.close();
    }
}
