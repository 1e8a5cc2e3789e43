package io.cardex.benchmarks.relevance;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardex.cardindex.CardIndexNames;
import java.io.IOException;

/**
 * What search by meaning costs on disk, measured on the relevance corpus: the card index's size
 * with its vectors, and without them. How fast texts become vectors is measured apart, with no
 * services beside it ({@link EmbeddingSpeedReport}).
 */
final class EmbeddingCost {

    /** The index's bytes on disk merged into one segment, and of those the vectors' field (kNN graph and values). */
    record IndexSize(long bytes, long vectorBytes) {
    }

    private EmbeddingCost() {
    }

    /**
     * The index's size as Elasticsearch's disk usage analysis counts it, merged into one segment first
     * so that the cards written again with their vectors leave no deleted copies behind.
     */
    static IndexSize size(ElasticsearchClient client, CardIndexNames index) throws IOException {
        client.indices().forcemerge(f -> f.index(index.alias()).maxNumSegments(1L));
        String concrete = client.indices().getAlias(a -> a.name(index.alias())).result().keySet().iterator().next();
        JsonNode usage = new ObjectMapper().readTree(client.indices().diskUsage(d -> d.index(concrete)
                .runExpensiveTasks(true)).valueBody().toJson().toString()).path(concrete);
        long total = usage.path("store_size_in_bytes").asLong();
        JsonNode vector = usage.path("fields").path("meaning.vector");
        long vectorBytes = vector.path("total_in_bytes").asLong();
        // The vector is in the card's _source as well, as JSON: it is counted in _source's bytes, not here.
        return new IndexSize(total, vectorBytes);
    }
}
