package io.cardex.benchmarks.relevance;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardex.api.search.CardsOnly;
import io.cardex.cardindex.CardDocument;
import io.cardex.cardindex.CardIndexNames;
import io.cardex.embedding.CardText;
import io.cardex.embedding.TextEmbedder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What search by meaning costs, measured on the relevance corpus: cards embedded per second (one
 * by one from one thread, and in batches as the indexer embeds them, spread over every core), the time a query's embedding adds
 * (p50, p99) and the card index's size with its vectors, and without them.
 */
final class EmbeddingCost {

    /** Each judged query is embedded this many times: enough samples for a p99. */
    private static final int QUERY_ROUNDS = 20;
    /** Rounds not measured, so that the model's first runs (memory, caches) do not count. */
    private static final int WARM_UP_ROUNDS = 3;
    /** Cards per batch, as the indexer's meaning stage takes them. */
    private static final int BATCH = 64;

    record Cost(int cards, double cardsPerSecond, double cardsPerSecondInBatches, int queries, double queryP50Millis,
                double queryP99Millis) {
    }

    /** The index's bytes on disk merged into one segment, and of those the vectors' field (kNN graph and values). */
    record IndexSize(long bytes, long vectorBytes) {
    }

    private EmbeddingCost() {
    }

    static Cost measure(TextEmbedder embedder, ElasticsearchClient client, CardIndexNames index, JudgedSet judged)
            throws IOException {
        List<CardText> texts = texts(client, index);
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            texts.stream().limit(20).forEach(text -> embedder.embed(text.text()));
        }
        long started = System.nanoTime();
        texts.forEach(text -> embedder.embed(text.text()));
        double cardsPerSecond = texts.size() / ((System.nanoTime() - started) / 1e9);
        // As the indexer's meaning stage embeds: batches of 64, each spread by the model over every core.
        started = System.nanoTime();
        for (int from = 0; from < texts.size(); from += BATCH) {
            embedder.embedAll(texts.subList(from, Math.min(texts.size(), from + BATCH)).stream().map(CardText::text)
                    .toList());
        }
        double cardsPerSecondInBatches = texts.size() / ((System.nanoTime() - started) / 1e9);

        List<String> queries = judged.queries().stream().map(JudgedQuery::query).toList();
        long[] nanos = new long[queries.size() * QUERY_ROUNDS];
        int sample = 0;
        for (int round = 0; round < QUERY_ROUNDS + WARM_UP_ROUNDS; round++) {
            for (String query : queries) {
                long start = System.nanoTime();
                embedder.embed(query);
                if (round >= WARM_UP_ROUNDS) {
                    nanos[sample++] = System.nanoTime() - start;
                }
            }
        }
        Arrays.sort(nanos);
        return new Cost(texts.size(), cardsPerSecond, cardsPerSecondInBatches, nanos.length, percentile(nanos, 0.50) / 1e6,
                percentile(nanos, 0.99) / 1e6);
    }

    private static List<CardText> texts(ElasticsearchClient client, CardIndexNames index) throws IOException {
        SearchResponse<CardDocument> response = client.search(s -> s.index(index.alias()).size(10_000)
                .query(CardsOnly.all()), CardDocument.class);
        List<CardText> texts = new ArrayList<>();
        for (Hit<CardDocument> hit : response.hits().hits()) {
            texts.add(CardText.of(Objects.requireNonNull(hit.source()).card()));
        }
        return texts;
    }

    private static double percentile(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
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
