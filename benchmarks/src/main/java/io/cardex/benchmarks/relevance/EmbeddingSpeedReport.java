package io.cardex.benchmarks.relevance;

import static io.cardex.benchmarks.Terminal.say;

import io.cardex.benchmarks.Machine;
import io.cardex.benchmarks.ProcessCpu;
import io.cardex.embedding.CardText;
import io.cardex.embedding.TextEmbedder;
import io.cardex.embedding.internals.SentenceEncoder;
import io.cardex.embedding.internals.WordPieces;
import io.cardex.stack.Installation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * How fast the texts of cards and queries become vectors, with no Kafka or Elasticsearch: the
 * relevance corpus's card texts and judged queries, embedded by cardex's {@link TextEmbedder} and,
 * side by side, as cardex embedded them before (the same model reading {@link #PIECES_BEFORE} word
 * pieces, the artifact's own cut), in alternating rounds so that both see the same load. Issue
 * 20's targets: at least 300 cards/s in batches on the machine's cores, a query's embedding at
 * most 10 ms at p99. The cards/s target is judged on the CPU a card costs (what the cores embed
 * when the run has them to itself), as a busy machine's rates on the clock measure the share of
 * the cores the run got. Exits with status 0 when cardex's embedder meets both, 1 when not. The
 * only place embedding speed is measured. Run it with {@code -Dcardex.home=<checkout>}; the first
 * argument, if any, is the number of rounds (5).
 */
public final class EmbeddingSpeedReport {

    private static final int DEFAULT_ROUNDS = 5;
    /** Cards per batch, as the indexer's meaning stage takes them. */
    private static final int BATCH = 64;
    /** Each judged query is embedded this many times per round: enough samples for a p99. */
    private static final int QUERY_REPEATS = 10;
    private static final double TARGET_CARDS_PER_SECOND = 300;
    private static final double TARGET_QUERY_P99_MILLIS = 10;
    /** The word pieces the model read of a text until 2 December: the artifact's own cut. */
    private static final int PIECES_BEFORE = 128;

    /** One way of embedding texts. */
    private record Embedder(String name, Function<String, float[]> one, Function<List<String>, List<float[]>> all) {
    }

    /** What the rounds measured of one way. */
    private record Measured(List<Double> oneByOne, List<Double> inBatches, List<Double> cpuMillisPerCard,
                            List<Long> queryNanos) {

        Measured() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }
    }

    private EmbeddingSpeedReport() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_ROUNDS;
        RelevanceCorpus corpus = RelevanceCorpus.in(Installation.current().home());
        List<String> texts = corpus.cards().stream().map(card -> CardText.of(card).text()).toList();
        List<String> queries = corpus.judgedSet().queries().stream().map(JudgedQuery::query).toList();
        Machine.current().print();
        say("loading the model both ways...");
        TextEmbedder cardex = new TextEmbedder();
        WordPieces piecesBefore = WordPieces.load(TextEmbedder.TOKENIZER_RESOURCE, PIECES_BEFORE);
        SentenceEncoder encoderBefore = SentenceEncoder.load(TextEmbedder.MODEL_RESOURCE, TextEmbedder.DIMENSIONS);
        Function<String, float[]> before = text -> encoderBefore.vector(piecesBefore.ids(text));
        List<Embedder> embedders = List.of(
                new Embedder(PIECES_BEFORE + " pieces", before,
                        batch -> batch.parallelStream().map(before).toList()),
                new Embedder(TextEmbedder.PIECES + " pieces", cardex::embed, cardex::embedAll));

        // The first pass warms both up and compares their vectors; it is not measured.
        List<float[]> vectorsBefore = embedInBatches(embedders.get(0), texts);
        List<float[]> vectorsNow = embedInBatches(embedders.get(1), texts);
        double lowestCosine = 1;
        for (int i = 0; i < texts.size(); i++) {
            lowestCosine = Math.min(lowestCosine, dot(vectorsBefore.get(i), vectorsNow.get(i)));
        }
        say("%d card texts of %s, %d judged queries; %d rounds, each way in turn", texts.size(), corpus.hub(),
                queries.size(), rounds);

        List<Measured> measured = embedders.stream().map(embedder -> new Measured()).toList();
        for (int round = 1; round <= rounds; round++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d (load average %.2f):", round,
                    Machine.loadAverage()));
            for (int way = 0; way < embedders.size(); way++) {
                Embedder embedder = embedders.get(way);
                Measured of = measured.get(way);
                long started = System.nanoTime();
                texts.forEach(embedder.one()::apply);
                of.oneByOne().add(texts.size() / seconds(started));
                long cpuBefore = ProcessCpu.thisJvm().used().toNanos();
                started = System.nanoTime();
                embedInBatches(embedder, texts);
                of.inBatches().add(texts.size() / seconds(started));
                of.cpuMillisPerCard().add((ProcessCpu.thisJvm().used().toNanos() - cpuBefore) / 1e6 / texts.size());
                for (int repeat = 0; repeat < QUERY_REPEATS; repeat++) {
                    for (String query : queries) {
                        long start = System.nanoTime();
                        embedder.one().apply(query);
                        of.queryNanos().add(System.nanoTime() - start);
                    }
                }
                line.append(String.format(Locale.ROOT, "  %s %.0f one by one, %.0f in batches", embedder.name(),
                        last(of.oneByOne()), last(of.inBatches())));
            }
            say("%s", line);
        }

        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println();
        say("%-48s%12s%12s%10s", "medians of the rounds", embedders.get(0).name(), embedders.get(1).name(), "ratio");
        row("cards/s, one by one from one thread", measured, m -> median(m.oneByOne()), "%.0f");
        row("cards/s, in batches of " + BATCH + " (as the indexer)", measured, m -> median(m.inBatches()), "%.0f");
        row("CPU ms per card, in batches", measured, m -> median(m.cpuMillisPerCard()), "%.2f");
        row("cards/s that CPU allows on " + cores + " free cores", measured, m -> cardsPerSecondOnFreeCores(m, cores),
                "%.0f");
        row("a query's embedding, p50 ms", measured, m -> percentile(m.queryNanos(), 0.50) / 1e6, "%.2f");
        row("a query's embedding, p99 ms", measured, m -> percentile(m.queryNanos(), 0.99) / 1e6, "%.2f");
        say("vectors: lowest cosine of the %s ones to the %s ones over the corpus %.4f", embedders.get(1).name(),
                embedders.get(0).name(), lowestCosine);

        Measured ours = measured.get(1);
        double onFreeCores = cardsPerSecondOnFreeCores(ours, cores);
        boolean fastEnough = onFreeCores >= TARGET_CARDS_PER_SECOND;
        boolean queriesQuick = percentile(ours.queryNanos(), 0.99) / 1e6 <= TARGET_QUERY_P99_MILLIS;
        say("target: at least %.0f cards/s in batches on %d cores: %s (%.0f on free cores, %.0f on the clock of this"
                        + " run); a query's embedding at most %.0f ms at p99: %s (%.2f ms)", TARGET_CARDS_PER_SECOND,
                cores, fastEnough ? "PASS" : "FAIL", onFreeCores, median(ours.inBatches()), TARGET_QUERY_P99_MILLIS,
                queriesQuick ? "PASS" : "FAIL", percentile(ours.queryNanos(), 0.99) / 1e6);
        System.exit(fastEnough && queriesQuick ? 0 : 1);
    }

    /** What the cores, given wholly to embedding, would embed at the CPU a card cost in batches. */
    private static double cardsPerSecondOnFreeCores(Measured measured, int cores) {
        return cores * 1000 / median(measured.cpuMillisPerCard());
    }

    private static List<float[]> embedInBatches(Embedder embedder, List<String> texts) {
        List<float[]> vectors = new ArrayList<>();
        for (int from = 0; from < texts.size(); from += BATCH) {
            vectors.addAll(embedder.all().apply(texts.subList(from, Math.min(texts.size(), from + BATCH))));
        }
        return vectors;
    }

    private static void row(String label, List<Measured> measured, ToDoubleFunction<Measured> value, String format) {
        double before = value.applyAsDouble(measured.get(0));
        double now = value.applyAsDouble(measured.get(1));
        say("%-48s%12s%12s%10.2f", label, String.format(Locale.ROOT, format, before),
                String.format(Locale.ROOT, format, now), now / before);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double percentile(List<Long> values, double quantile) {
        long[] sorted = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)];
    }

    private static double dot(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}
