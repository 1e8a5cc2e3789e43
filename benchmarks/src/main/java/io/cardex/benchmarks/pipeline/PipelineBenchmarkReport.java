package io.cardex.benchmarks.pipeline;

import static io.cardex.benchmarks.Terminal.say;

import io.cardex.benchmarks.BenchmarkStack;
import io.cardex.benchmarks.Distribution;
import io.cardex.benchmarks.Machine;
import io.cardex.benchmarks.index.PlainBulkLoad;
import io.cardex.benchmarks.ingest.GeneratedRepository;
import io.cardex.benchmarks.ingest.SnapshotBenchmark;
import io.cardex.benchmarks.profile.CardSizes;
import io.cardex.benchmarks.profile.CpuRecording;
import io.cardex.benchmarks.profile.StageBreakdown;
import io.cardex.indexer.BulkSettings;
import io.cardex.stack.EmbeddedStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Measures the whole pipeline against a real Kafka and Elasticsearch: how fast a repository of
 * 10,000 cards becomes searchable, from ingest's first snapshot to the last card found, beside a
 * plain {@code _bulk} load of the same documents; and how soon a pushed commit is searchable
 * under a steady stream of commits. Issue 19's targets: the pipeline at least 0.5 of the plain
 * {@code _bulk} rate, push to searchable p99 at most 1.2 s. With {@code --hub-scale} it also puts
 * 100,000 cards with history through a pipeline and a plain {@code _bulk} load, compares the heap
 * in use with the pipeline running after the 100,000 cards and after 10,000 (target: within
 * 10%), and reindexes the 100,000 cards from the topic while the stream of commits goes on (p99
 * at most 1.2 s meanwhile too). Exits with status 1 when a target is missed or a commit never
 * became searchable. Run it with {@code -Dcardex.home=<checkout>}.
 *
 * <p>With {@code --profile <directory>} it measures nothing: after the warm-up it records one
 * 10,000-card snapshot with Flight Recorder into {@code <directory>/pipeline.jfr} and prints how the
 * CPU samples of ingest and of the indexer divide among the pipeline's stages, and how large a
 * card's change event and document are against the card.
 */
public final class PipelineBenchmarkReport {

    static final int ROUNDS = 3;
    static final double TARGET_RATIO = 0.5;
    static final double TARGET_P99_MS = 1_200;
    static final double TARGET_HEAP_GROWTH = 1.10;
    private static final long SEED = 20_240_601L;

    private PipelineBenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            BenchmarkStack.runAndExit("pipeline", (stack, scratch) -> run(stack, scratch, 0));
        } else if (args[0].equals("--hub-scale") && args.length <= 2 && hubScaleCards(args) > 0) {
            BenchmarkStack.runAndExit("pipeline", (stack, scratch) -> run(stack, scratch, hubScaleCards(args)));
        } else if (args.length == 2 && args[0].equals("--profile")) {
            Path profiles = Files.createDirectories(Path.of(args[1]).toAbsolutePath());
            BenchmarkStack.runAndExit("pipeline", (stack, scratch) -> profile(stack, scratch, profiles));
        } else {
            System.err.println("usage: ./cardex bench pipeline [--hub-scale [CARDS] | --profile DIRECTORY]");
            System.exit(2);
        }
    }

    /** The cards of the hub-scale run: 100,000 unless a number follows {@code --hub-scale}; 0 when it is no number. */
    private static int hubScaleCards(String[] args) {
        try {
            return args.length == 1 ? Repositories.HUB_SCALE_CARDS : Integer.parseInt(args[1]);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private static boolean profile(EmbeddedStack stack, Path scratch, Path profiles) throws Exception {
        Machine.current().print();
        Repositories repositories = Repositories.write(scratch, SEED, 0);
        GeneratedRepository small = repositories.warmUp();
        GeneratedRepository large = repositories.cards();
        try (SearchableCards elasticsearch = new SearchableCards(stack.elasticsearchUrl())) {
            SearchableRuns runs = new SearchableRuns(stack.kafkaBootstrapServers(), elasticsearch,
                    scratch.resolve("work"));
            say("warm-up: %,d cards, not recorded (load average %.2f)", small.cards(), Machine.loadAverage());
            try (RunningPipeline pipeline = runs.pipeline(small)) {
                report(runs.snapshot(pipeline, small.cards()));
            }
            say("recording %,d cards made searchable (load average %.2f)", large.cards(), Machine.loadAverage());
            try (RunningPipeline pipeline = runs.pipeline(large)) {
                CpuRecording recording = CpuRecording.start(profiles.resolve("pipeline.jfr"));
                try (recording) {
                    report(runs.snapshot(pipeline, large.cards()));
                }
                say("CPU samples per stage, written to %s (load average %.2f):", recording.file(),
                        Machine.loadAverage());
                StageBreakdown.of(recording.file()).lines().forEach(line -> say("  %s", line));
                say("  %s", CardSizes.of(large.directory(), stack.kafkaBootstrapServers(), pipeline.topic(),
                        large.cards()).line());
            }
        }
        return true;
    }

    /** @param hubScaleCards the cards of the hub-scale run; 0 for none */
    private static boolean run(EmbeddedStack stack, Path scratch, int hubScaleCards) throws Exception {
        double loadAtStart = Machine.loadAverage();
        Machine.current().print();
        Repositories repositories = Repositories.write(scratch, SEED, hubScaleCards);
        try (SearchableCards elasticsearch = new SearchableCards(stack.elasticsearchUrl())) {
            SearchableRuns runs = new SearchableRuns(stack.kafkaBootstrapServers(), elasticsearch,
                    scratch.resolve("work"));
            Comparison comparison = compare(runs, repositories.warmUp(), repositories.cards());
            FreshnessBenchmark.Result freshness = freshness(runs, elasticsearch, repositories.cards());
            Optional<HubScale> large = repositories.hubScale().isEmpty() ? Optional.empty()
                    : Optional.of(hubScale(runs, elasticsearch, repositories.hubScale().get()));
            return summarize(comparison, freshness, large, loadAtStart);
        }
    }

    /**
     * The measured runs of the pipeline and of the plain load, compared by their medians, and the
     * heap in use after a full GC with the first measured pipeline running, its snapshot searchable.
     */
    private record Comparison(List<SearchableRuns.Run> pipeline, List<SearchableRuns.Run> bulk, double heapMb) {

        double pipelineRate() {
            return Distribution.of(pipeline.stream().map(SearchableRuns.Run::cardsPerSecond).toList()).median();
        }

        double bulkRate() {
            return Distribution.of(bulk.stream().map(SearchableRuns.Run::cardsPerSecond).toList()).median();
        }
    }

    /** The 100,000 cards: one run of each side, the heap after them, and a reindex with pushes beside it. */
    private record HubScale(SearchableRuns.Run pipeline, SearchableRuns.Run bulk, double heapMb, ReindexRun reindex,
                            FreshnessBenchmark.Result freshness) {
    }

    private static Comparison compare(SearchableRuns runs, GeneratedRepository small, GeneratedRepository large)
            throws Exception {
        say("repository -> searchable: from ingest's start (or the first _bulk request) to a count finding every card");
        say("warm-up: one run of each with %,d cards, not counted (load average %.2f)", small.cards(),
                Machine.loadAverage());
        PlainBulkLoad warmUpDocuments;
        try (RunningPipeline pipeline = runs.pipeline(small)) {
            report(runs.snapshot(pipeline, small.cards()));
            warmUpDocuments = runs.documentsOf(pipeline, small.cards());
        }
        report(runs.plainBulk(warmUpDocuments));

        List<SearchableRuns.Run> pipelineRuns = new ArrayList<>();
        List<SearchableRuns.Run> bulkRuns = new ArrayList<>();
        PlainBulkLoad documents = null;
        double heapMb = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            // The load average with each round: a round much slower than the others shared the machine.
            say("round %d of %d, %,d cards (load average %.2f)", round, ROUNDS, large.cards(), Machine.loadAverage());
            try (RunningPipeline pipeline = runs.pipeline(large)) {
                pipelineRuns.add(report(runs.snapshot(pipeline, large.cards())));
                if (documents == null) {
                    heapMb = heap();
                    say("  reading its change events back into the documents of the plain _bulk load (untimed)...");
                    documents = runs.documentsOf(pipeline, large.cards());
                }
            }
            bulkRuns.add(report(runs.plainBulk(documents)));
            say("  pipeline / _bulk in this round = %.2f", pipelineRuns.get(round - 1).cardsPerSecond()
                    / bulkRuns.get(round - 1).cardsPerSecond());
        }
        return new Comparison(pipelineRuns, bulkRuns, heapMb);
    }

    private static FreshnessBenchmark.Result freshness(SearchableRuns runs, SearchableCards elasticsearch,
                                                       GeneratedRepository repository) throws Exception {
        say("commit pushed -> searchable: a fresh pipeline, as deployed, takes its snapshot first, not counted "
                + "(load average %.2f)", Machine.loadAverage());
        try (RunningPipeline pipeline = runs.pipeline(repository)) {
            report(runs.snapshot(pipeline, repository.cards()));
            say("  a commit every %d ms revising 1 to %d cards, each followed by its signed push webhook: %d s of "
                            + "warm-up, then %d s measured; Elasticsearch searched for the tokens every %d ms",
                    FreshnessBenchmark.INTERVAL.toMillis(), RevisionCommits.MAX_CARDS_PER_COMMIT,
                    FreshnessBenchmark.WARM_UP.toSeconds(), FreshnessBenchmark.MEASURED.toSeconds(),
                    TokenWatch.INTERVAL.toMillis());
            return new FreshnessBenchmark(elasticsearch, SEED).run(pipeline, repository);
        }
    }

    private static HubScale hubScale(SearchableRuns runs, SearchableCards elasticsearch, GeneratedRepository repository)
            throws Exception {
        say("hub scale: %,d cards (a repository with history, its head), one run of each (load average %.2f)",
                repository.cards(), Machine.loadAverage());
        try (RunningPipeline pipeline = runs.pipeline(repository)) {
            SearchableRuns.Run snapshot = report(runs.snapshot(pipeline, repository.cards()));
            double heapMb = heap();
            say("  reading its change events back into the documents of the plain _bulk load (untimed)...");
            SearchableRuns.Run bulk = report(runs.plainBulk(runs.documentsOf(pipeline, repository.cards())));
            say("  pipeline / _bulk = %.2f", snapshot.cardsPerSecond() / bulk.cardsPerSecond());
            say("reindex of the %,d cards from the topic into a new index version while the indexer runs; a commit "
                            + "every %d ms pushed meanwhile: %d s of warm-up, then for as long as the reindex runs "
                            + "(load average %.2f)", repository.cards(), FreshnessBenchmark.INTERVAL.toMillis(),
                    FreshnessBenchmark.WARM_UP.toSeconds(), Machine.loadAverage());
            AtomicReference<CompletableFuture<ReindexRun>> reindexing = new AtomicReference<>();
            FreshnessBenchmark.Result freshness = new FreshnessBenchmark(elasticsearch, SEED).runBeside(pipeline,
                    repository, () -> {
                        reindexing.set(ReindexRun.start(pipeline.indexerConfig()));
                        return reindexing.get();
                    });
            ReindexRun reindex = reindexing.get().join();
            say("  reindexed %,d records in %.1f s = %,.0f records/s", reindex.records(), reindex.seconds(),
                    reindex.recordsPerSecond());
            return new HubScale(snapshot, bulk, heapMb, reindex, freshness);
        }
    }

    /** The heap in use after a full GC: ingest's and the indexer's, the benchmark's own being small beside them. */
    private static double heap() throws InterruptedException {
        double heapMb = SnapshotBenchmark.liveHeapMb();
        say("  heap a full GC left in use, the pipeline running: %.0f MB", heapMb);
        return heapMb;
    }

    private static boolean summarize(Comparison comparison, FreshnessBenchmark.Result freshness,
                                     Optional<HubScale> hubScale, double loadAtStart) {
        System.out.println();
        boolean met = summarizeComparison(comparison);
        say("commit pushed -> searchable, a commit every %d ms, %d measured after %d of warm-up (%.1f s of pushes):",
                FreshnessBenchmark.INTERVAL.toMillis(), freshness.measured(), freshness.pushed() - freshness.measured(),
                freshness.streamSeconds());
        met &= summarizeFreshness(freshness);
        if (hubScale.isPresent()) {
            met &= summarizeHubScale(hubScale.get(), comparison.heapMb());
        }
        say("load average: %.2f at the start, %.2f at the end", loadAtStart, Machine.loadAverage());
        return met;
    }

    private static boolean summarizeComparison(Comparison comparison) {
        double pipelineRate = comparison.pipelineRate();
        double bulkRate = comparison.bulkRate();
        say("repository -> searchable, %,d cards, median of %d rounds:", Repositories.CARDS, ROUNDS);
        say("  pipeline (ingest's snapshot, indexer):  %,6.0f cards/s   runs: %s", pipelineRate,
                seconds(comparison.pipeline()));
        say("  plain _bulk of the same documents:      %,6.0f cards/s   runs: %s (%,d per request, %d at once)",
                bulkRate, seconds(comparison.bulk()), BulkSettings.DEFAULT.maxOperations(),
                BulkSettings.DEFAULT.maxConcurrentRequests());
        return ratio(pipelineRate / bulkRate);
    }

    private static boolean summarizeHubScale(HubScale hubScale, double heapAt10k) {
        say("repository -> searchable, %,d cards, one run:", hubScale.pipeline().cards());
        say("  pipeline (ingest's snapshot, indexer):  %,6.0f cards/s   %.1f s", hubScale.pipeline().cardsPerSecond(),
                hubScale.pipeline().seconds());
        say("  plain _bulk of the same documents:      %,6.0f cards/s   %.1f s", hubScale.bulk().cardsPerSecond(),
                hubScale.bulk().seconds());
        boolean met = ratio(hubScale.pipeline().cardsPerSecond() / hubScale.bulk().cardsPerSecond());
        say("reindex of %,d cards from the topic: %.1f s = %,.0f records/s (%,d records, both passes)",
                hubScale.pipeline().cards(), hubScale.reindex().seconds(), hubScale.reindex().recordsPerSecond(),
                hubScale.reindex().records());
        say("commit pushed -> searchable while it ran, %d measured after %d of warm-up (%.1f s of pushes):",
                hubScale.freshness().measured(), hubScale.freshness().pushed() - hubScale.freshness().measured(),
                hubScale.freshness().streamSeconds());
        met &= summarizeFreshness(hubScale.freshness());
        double growth = hubScale.heapMb() / heapAt10k;
        boolean flat = growth <= TARGET_HEAP_GROWTH;
        say("heap in use after a full GC, ingest and indexer running: %.0f MB after %,d cards, %.0f MB after %,d "
                        + "= %.2f x (target at most %.2f x: %s)", heapAt10k, Repositories.CARDS, hubScale.heapMb(),
                hubScale.pipeline().cards(), growth, TARGET_HEAP_GROWTH, flat ? "PASS" : "FAIL");
        return met && flat;
    }

    private static boolean ratio(double ratio) {
        boolean met = ratio >= TARGET_RATIO;
        say("  pipeline / plain _bulk = %.2f (target at least %.2f: %s)", ratio, TARGET_RATIO, met ? "PASS" : "FAIL");
        return met;
    }

    /**
     * Prints the latencies; returns whether every commit was found, through Elasticsearch and through
     * the API, and the p99 met its target.
     */
    private static boolean summarizeFreshness(FreshnessBenchmark.Result freshness) {
        boolean fast = false;
        if (!freshness.latenciesMs().isEmpty()) {
            Distribution latencies = Distribution.of(freshness.latenciesMs());
            fast = latencies.percentile(0.99) <= TARGET_P99_MS;
            say("  %d found: p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms (p99 target at most %.0f ms: %s)",
                    latencies.count(), latencies.percentile(0.50), latencies.percentile(0.90),
                    latencies.percentile(0.99), latencies.max(), TARGET_P99_MS, fast ? "PASS" : "FAIL");
        }
        boolean allFound = freshness.neverSearchable().isEmpty() && freshness.missingThroughApi().isEmpty()
                && !freshness.latenciesMs().isEmpty();
        say("  never searchable within %d s: %d of %d commits%s; not found through the API's /search: %d%s (%s)",
                TokenWatch.GIVE_UP_AFTER.toSeconds(), freshness.neverSearchable().size(), freshness.pushed(),
                tokens(freshness.neverSearchable()), freshness.missingThroughApi().size(),
                tokens(freshness.missingThroughApi()), allFound ? "OK" : "FAIL");
        return allFound && fast;
    }

    private static String seconds(List<SearchableRuns.Run> runs) {
        return runs.stream().map(run -> String.format(Locale.ROOT, "%.2f s", run.seconds()))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String tokens(List<PushedCommit> commits) {
        return commits.isEmpty() ? "" : " " + commits.stream().map(PushedCommit::token).toList();
    }

    private static SearchableRuns.Run report(SearchableRuns.Run run) {
        String milestones = run.milestones().stream().limit(run.milestones().size() - 1)
                .map(reached -> String.format(Locale.ROOT, "%s %.2f s", reached.name(), reached.seconds()))
                .collect(Collectors.joining(", "));
        say("  %-9s %,d cards searchable in %.2f s = %,.0f cards/s (%s)", run.name(), run.cards(), run.seconds(),
                run.cardsPerSecond(), milestones);
        return run;
    }
}
