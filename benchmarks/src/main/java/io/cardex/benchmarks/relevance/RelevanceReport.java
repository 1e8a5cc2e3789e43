package io.cardex.benchmarks.relevance;

import static io.cardex.benchmarks.Terminal.say;

import io.cardex.api.ApiConfig;
import io.cardex.api.ApiService;
import io.cardex.benchmarks.BenchmarkStack;
import io.cardex.benchmarks.index.IndexRuns;
import io.cardex.cardindex.CardIndexNames;
import io.cardex.cardindex.ElasticsearchConnection;
import io.cardex.embedding.TextEmbedder;
import io.cardex.indexer.index.CardIndex;
import io.cardex.indexer.meaning.MeaningStage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.cardex.ingest.IngestPass;
import io.cardex.stack.EmbeddedStack;
import io.cardex.stack.Installation;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Scores the search API's ranking against the judged set: the corpus of {@code relevance/} goes
 * through ingest, Kafka and the indexer into Elasticsearch, every judged query is asked of
 * {@code /search} in each mode of {@link SearchMode#MEASURED}, and the report prints recall@5 and
 * nDCG@10 of the questions, of the names and keywords, and of all; then what search by meaning costs
 * in the index ({@link EmbeddingCost}); how fast texts become vectors is {@link EmbeddingSpeedReport}'s
 * to measure. It measures; it has no target of its own, and exits with status 1 only
 * when it cannot run. Run it with {@code -Dcardex.home=<checkout>}.
 */
public final class RelevanceReport {

    private RelevanceReport() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkStack.runAndExit("relevance", RelevanceReport::run);
    }

    private static boolean run(EmbeddedStack stack, Path scratch) throws Exception {
        RelevanceCorpus corpus = RelevanceCorpus.in(Installation.current().home());
        JudgedSet judged = corpus.judgedSet();
        int cards = corpus.cardIds().size();
        say("publishing the %d cards of %s and indexing them...", cards, corpus.hub());
        IngestPass pass = CorpusIngest.publish(corpus, stack.kafkaBootstrapServers(), scratch.resolve("ingest"));
        if (pass.upserts() != cards) {
            throw new IllegalStateException("ingest published " + pass.upserts() + " cards of the " + cards + " of the corpus");
        }
        CardIndexNames index = new IndexRuns(stack.kafkaBootstrapServers(), stack.elasticsearchUrl(), CorpusIngest.TOPIC,
                cards).indexer().index();
        TextEmbedder embedder = new TextEmbedder();
        EmbeddingCost.IndexSize withoutVectors;
        EmbeddingCost.IndexSize withVectors;
        try (ElasticsearchConnection elasticsearch = new ElasticsearchConnection(stack.elasticsearchUrl())) {
            elasticsearch.client().indices().refresh(r -> r.index(index.alias()));
            withoutVectors = EmbeddingCost.size(elasticsearch.client(), index);
            say("giving the cards their vectors (the indexer's meaning stage, on this thread)...");
            long started = System.nanoTime();
            int written = MeaningStage.of(() -> embedder, elasticsearch.client(), index,
                    new CardIndex(elasticsearch.client(), index), () -> false, new SimpleMeterRegistry()).fillAll();
            say("  %d cards given their vector in %.1f s (the versions of a model sharing a text share its vector)",
                    written, (System.nanoTime() - started) / 1e9);
            elasticsearch.client().indices().refresh(r -> r.index(index.alias()));
            withVectors = EmbeddingCost.size(elasticsearch.client(), index);
        }
        try (ApiService api = new ApiService(new ApiConfig("127.0.0.1", 0, stack.elasticsearchUrl(), index))) {
            api.start();
            ApiSearch search = ApiSearch.of(URI.create("http://127.0.0.1:" + api.port()));
            say("%d judged queries (%d questions, %d names and keywords) over %d cards, scored per card%s",
                    judged.queries().size(), judged.of(JudgedQuery.Kind.QUESTION).size(),
                    judged.of(JudgedQuery.Kind.NAME).size(), cards,
                    search.asksPerCard() ? " (group=card)" : " (the API does not group hits)");
            Map<SearchMode, List<QueryScore>> scores = new LinkedHashMap<>();
            for (SearchMode mode : SearchMode.MEASURED) {
                scores.put(mode, score(search, mode, judged));
            }
            System.out.println();
            summarize(scores);
        }
        System.out.println();
        say("cost of search by meaning in the index (model %s, %d dimensions; its speed: ./cardex bench embedding)", TextEmbedder.MODEL, TextEmbedder.DIMENSIONS);
        say("  index without vectors          %8.2f MB", withoutVectors.bytes() / 1e6);
        say("  index with vectors             %8.2f MB  (of which the kNN field %.2f MB; the vectors are in _source too)",
                withVectors.bytes() / 1e6, withVectors.vectorBytes() / 1e6);
        return true;
    }

    private static List<QueryScore> score(ApiSearch search, SearchMode mode, JudgedSet judged) throws Exception {
        say("mode=%s, each query: recall@5, nDCG@10, the first card found", mode.name());
        List<QueryScore> scores = new ArrayList<>();
        for (JudgedQuery query : judged.queries()) {
            QueryScore score = QueryScore.of(query, search.ranked(query.query(), mode, QueryScore.DEPTH));
            scores.add(score);
            say("  %-8s %-48s %4.2f  %4.2f  %s", query.kind().name().toLowerCase(Locale.ROOT), query.query(),
                    score.recallAt5(), score.ndcgAt10(), score.ranked().isEmpty() ? "(nothing)" : score.ranked().get(0));
        }
        return scores;
    }

    /** One row per metric and half, one column per mode: a new mode adds a column. */
    private static void summarize(Map<SearchMode, List<QueryScore>> scores) {
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-22s", ""));
        scores.keySet().forEach(mode -> header.append(String.format(Locale.ROOT, "%15s", "mode=" + mode.name())));
        say("%s", header);
        Predicate<JudgedQuery> questions = query -> query.kind() == JudgedQuery.Kind.QUESTION;
        Predicate<JudgedQuery> names = query -> query.kind() == JudgedQuery.Kind.NAME;
        Predicate<JudgedQuery> all = query -> true;
        row("recall@5, questions", scores, questions, QueryScore::meanRecallAt5);
        row("recall@5, names", scores, names, QueryScore::meanRecallAt5);
        row("recall@5, all", scores, all, QueryScore::meanRecallAt5);
        row("nDCG@10, questions", scores, questions, QueryScore::meanNdcgAt10);
        row("nDCG@10, names", scores, names, QueryScore::meanNdcgAt10);
        row("nDCG@10, all", scores, all, QueryScore::meanNdcgAt10);
    }

    private static void row(String label, Map<SearchMode, List<QueryScore>> scores, Predicate<JudgedQuery> which,
                            ToDoubleFunction<List<QueryScore>> mean) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-22s", label));
        for (List<QueryScore> ofMode : scores.values()) {
            List<QueryScore> half = ofMode.stream().filter(score -> which.test(score.query())).toList();
            line.append(String.format(Locale.ROOT, "%15.3f", mean.applyAsDouble(half)));
        }
        say("%s", line);
    }
}
