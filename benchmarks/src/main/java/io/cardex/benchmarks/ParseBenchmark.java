package io.cardex.benchmarks;

import io.cardex.card.Card;
import io.cardex.card.CardParser;
import io.cardex.card.CardRules;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How many cards one core parses and validates per second: each operation reads the next card of
 * a generated corpus from its bytes, as ingest gets them from git, into a checked {@link Card}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
// One processor for the JVM's own sizing (GC and JIT threads too), and a small fixed heap that a
// leak would soon fill.
@Fork(value = 1, jvmArgs = {"-XX:ActiveProcessorCount=1", "-Xms" + ParseBenchmark.HEAP_MB + "m",
        "-Xmx" + ParseBenchmark.HEAP_MB + "m"})
// The JIT, sized for one processor, takes up to 20 s to compile the parser's regular expressions
// and SnakeYAML fully, a little longer when it shares the core with the benchmark (taskset).
@Warmup(iterations = 15, time = 2)
@Measurement(iterations = 10, time = 2)
public class ParseBenchmark {

    /** About 18 MB of cards: too many to sit in the CPU's caches, as a repository's cards would not. */
    static final int CORPUS_SIZE = 4_000;
    static final long CORPUS_SEED = 20_221_011L;
    static final int HEAP_MB = 256;

    private final CardParser parser = new CardParser(CardRules.DEFAULT);
    private List<GeneratedCard> corpus;
    private int next;

    @Setup(Level.Trial)
    public void generateCorpus() {
        corpus = new CardGenerator(CORPUS_SEED).generate(CORPUS_SIZE);
    }

    @Benchmark
    public void parseAndValidate(Blackhole blackhole) {
        Card card = corpus.get(next).parse(parser);
        next = next + 1 == corpus.size() ? 0 : next + 1;
        blackhole.consume(card.isValid());
        blackhole.consume(card);
    }
}
