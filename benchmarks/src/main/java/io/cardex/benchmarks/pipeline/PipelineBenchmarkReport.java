package io.cardex.benchmarks.pipeline;

import static io.cardex.benchmarks.Terminal.say;

import io.cardex.benchmarks.BenchmarkStack;
import io.cardex.benchmarks.Distribution;
import io.cardex.benchmarks.Machine;
import io.cardex.benchmarks.index.IndexBenchmarkReport;
import io.cardex.benchmarks.index.PlainBulkLoad;
import io.cardex.benchmarks.ingest.CardRepositoryGenerator;
import io.cardex.benchmarks.ingest.GeneratedRepository;
import io.cardex.benchmarks.ingest.GitHubPushes;
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
import java.util.stream.Collectors;

/**
 * Measures the whole pipeline against a real Kafka and Elasticsearch: how fast a repository of
 * 10,000 cards becomes searchable, from ingest's first snapshot to the last card found, beside a
 * plain {@code _bulk} load of the same documents; and how soon a pushed commit is searchable
 * under a steady stream of commits. No target is set for either; exits with status 1 when a
 * commit never became searchable. Run it with {@code -Dcardex.home=<checkout>}.
 *
 * <p>With {@code --profile <directory>} it measures nothing: after the warm-up it records one
 * 10,000-card snapshot with Flight Recorder into {@code <directory>/pipeline.jfr} and prints how the
 * CPU samples of ingest and of the indexer divide among the pipeline's stages, and how large a
 * card's change event and document are against the card.
 */
public final class PipelineBenchmarkReport {

    static final int CARDS = 10_000;
    static final int WARM_UP_CARDS = 2_500;
    static final int ROUNDS = 3;
    private static final long SEED = 20_240_601L;

    private PipelineBenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            BenchmarkStack.runAndExit("pipeline", PipelineBenchmarkReport::run);
        } else if (args.length == 2 && args[0].equals("--profile")) {
            Path profiles = Files.createDirectories(Path.of(args[1]).toAbsolutePath());
            BenchmarkStack.runAndExit("pipeline", (stack, scratch) -> profile(stack, scratch, profiles));
        } else {
            System.err.println("usage: ./cardex bench pipeline [--profile DIRECTORY]");
            System.exit(2);
        }
    }

    private static boolean profile(EmbeddedStack stack, Path scratch, Path profiles) throws Exception {
        Machine.current().print();
        CardRepositoryGenerator generator = new CardRepositoryGenerator(SEED, System.out);
        GeneratedRepository small = generator.write(scratch.resolve("cards-warm-up"), WARM_UP_CARDS);
        GeneratedRepository large = generator.write(scratch.resolve("cards"), CARDS);
        GitHubPushes.pointOriginAtGitHub(large.directory());
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

    private static boolean run(EmbeddedStack stack, Path scratch) throws Exception {
        double loadAtStart = Machine.loadAverage();
        Machine.current().print();
        say("writing card repositories of %,d and %,d cards (seed %d)...", WARM_UP_CARDS, CARDS, SEED);
        CardRepositoryGenerator generator = new CardRepositoryGenerator(SEED, System.out);
        GeneratedRepository small = generator.write(scratch.resolve("cards-warm-up"), WARM_UP_CARDS);
        GeneratedRepository large = generator.write(scratch.resolve("cards"), CARDS);
        GitHubPushes.pointOriginAtGitHub(large.directory());
        try (SearchableCards elasticsearch = new SearchableCards(stack.elasticsearchUrl())) {
            SearchableRuns runs = new SearchableRuns(stack.kafkaBootstrapServers(), elasticsearch,
                    scratch.resolve("work"));
            Comparison comparison = compare(runs, small, large);
            FreshnessBenchmark.Result freshness = freshness(runs, elasticsearch, large);
            return summarize(comparison, freshness, loadAtStart);
        }
    }

    /** The measured runs of the pipeline and of the plain load, compared by their medians. */
    private record Comparison(List<SearchableRuns.Run> pipeline, List<SearchableRuns.Run> bulk) {

        double pipelineRate() {
            return Distribution.of(pipeline.stream().map(SearchableRuns.Run::cardsPerSecond).toList()).median();
        }

        double bulkRate() {
            return Distribution.of(bulk.stream().map(SearchableRuns.Run::cardsPerSecond).toList()).median();
        }
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
        for (int round = 1; round <= ROUNDS; round++) {
            // The load average with each round: a round much slower than the others shared the machine.
            say("round %d of %d, %,d cards (load average %.2f)", round, ROUNDS, large.cards(), Machine.loadAverage());
            try (RunningPipeline pipeline = runs.pipeline(large)) {
                pipelineRuns.add(report(runs.snapshot(pipeline, large.cards())));
                if (documents == null) {
                    say("  reading its change events back into the documents of the plain _bulk load (untimed)...");
                    documents = runs.documentsOf(pipeline, large.cards());
                }
            }
            bulkRuns.add(report(runs.plainBulk(documents)));
            say("  pipeline / _bulk in this round = %.2f", pipelineRuns.get(round - 1).cardsPerSecond()
                    / bulkRuns.get(round - 1).cardsPerSecond());
        }
        return new Comparison(pipelineRuns, bulkRuns);
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

    private static boolean summarize(Comparison comparison, FreshnessBenchmark.Result freshness, double loadAtStart) {
        System.out.println();
        summarizeComparison(comparison);
        boolean allFound = summarizeFreshness(freshness);
        say("load average: %.2f at the start, %.2f at the end", loadAtStart, Machine.loadAverage());
        return allFound;
    }

    private static void summarizeComparison(Comparison comparison) {
        double pipelineRate = comparison.pipelineRate();
        double bulkRate = comparison.bulkRate();
        say("repository -> searchable, %,d cards, median of %d rounds:", CARDS, ROUNDS);
        say("  pipeline (ingest's snapshot, indexer):  %,6.0f cards/s   runs: %s", pipelineRate,
                seconds(comparison.pipeline()));
        say("  plain _bulk of the same documents:      %,6.0f cards/s   runs: %s (%,d per request, %d at once)",
                bulkRate, seconds(comparison.bulk()), BulkSettings.DEFAULT.maxOperations(),
                BulkSettings.DEFAULT.maxConcurrentRequests());
        say("  pipeline / plain _bulk = %.2f (no target; the indexer alone is held to %.2f of _bulk)",
                pipelineRate / bulkRate, IndexBenchmarkReport.TARGET_RATIO);
    }

    /** Prints the latencies; returns whether every commit was found, through Elasticsearch and through the API. */
    private static boolean summarizeFreshness(FreshnessBenchmark.Result freshness) {
        say("commit pushed -> searchable, a commit every %d ms, %d measured after %d of warm-up (%.1f s of pushes):",
                FreshnessBenchmark.INTERVAL.toMillis(), freshness.measured(), freshness.pushed() - freshness.measured(),
                freshness.streamSeconds());
        if (!freshness.latenciesMs().isEmpty()) {
            Distribution latencies = Distribution.of(freshness.latenciesMs());
            say("  %d found: p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms", latencies.count(),
                    latencies.percentile(0.50), latencies.percentile(0.90), latencies.percentile(0.99),
                    latencies.max());
        }
        boolean allFound = freshness.neverSearchable().isEmpty() && freshness.missingThroughApi().isEmpty()
                && !freshness.latenciesMs().isEmpty();
        say("  never searchable within %d s: %d of %d commits%s; not found through the API's /search: %d%s (%s)",
                TokenWatch.GIVE_UP_AFTER.toSeconds(), freshness.neverSearchable().size(), freshness.pushed(),
                tokens(freshness.neverSearchable()), freshness.missingThroughApi().size(),
                tokens(freshness.missingThroughApi()), allFound ? "OK" : "FAIL");
        return allFound;
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
