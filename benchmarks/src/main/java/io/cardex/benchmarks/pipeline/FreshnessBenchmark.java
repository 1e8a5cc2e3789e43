package io.cardex.benchmarks.pipeline;

import static io.cardex.benchmarks.Terminal.say;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardex.api.ApiConfig;
import io.cardex.api.ApiService;
import io.cardex.benchmarks.ingest.GeneratedRepository;
import io.cardex.benchmarks.ingest.GitHubPushes;
import io.cardex.cardindex.CardIndexNames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Freshness under a steady stream of commits, the pipeline running as deployed: a commit every
 * 500 ms revising 1 to 5 cards, each followed at once by its signed GitHub push webhook, whatever
 * became of the commits before (an open loop); for each, the time from sending its webhook to the
 * first search that finds its cards ({@link TokenWatch}). The first 10 s are a warm-up, not
 * counted. At the end each commit's token is searched once more through the API, as a user would.
 * Run beside other work (a reindex), the stream goes on for as long as that work runs.
 */
final class FreshnessBenchmark {

    static final Duration INTERVAL = Duration.ofMillis(500);
    static final Duration WARM_UP = Duration.ofSeconds(10);
    static final Duration MEASURED = Duration.ofSeconds(60);
    private static final int PROGRESS_EVERY = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param latenciesMs       push to searchable, for each measured commit found
     * @param measured          the commits pushed after the warm-up
     * @param pushed            every commit pushed, the warm-up's included
     * @param streamSeconds     from the first commit to the last webhook answered
     * @param neverSearchable   commits, the warm-up's included, not found within 30 s of their push
     * @param missingThroughApi commits whose token the API's {@code /search} did not find every card of
     */
    record Result(List<Double> latenciesMs, int measured, int pushed, double streamSeconds,
                  List<PushedCommit> neverSearchable, List<PushedCommit> missingThroughApi) {
    }

    private final SearchableCards elasticsearch;
    private final long seed;
    private final GitHubPushes github = new GitHubPushes();

    /** @param seed picks the cards each commit revises */
    FreshnessBenchmark(SearchableCards elasticsearch, long seed) {
        this.elasticsearch = elasticsearch;
        this.seed = seed;
    }

    /** Pushes the stream to the pipeline, which must have indexed the repository's snapshot already. */
    Result run(RunningPipeline pipeline, GeneratedRepository repository) throws Exception {
        return run(pipeline, repository, null);
    }

    /**
     * Pushes the same stream, but after the warm-up starts {@code beside} and goes on pushing for as
     * long as it runs, instead of for {@link #MEASURED}: freshness while other work loads the pipeline.
     */
    Result runBeside(RunningPipeline pipeline, GeneratedRepository repository, Supplier<CompletableFuture<?>> beside)
            throws Exception {
        return run(pipeline, repository, beside);
    }

    private Result run(RunningPipeline pipeline, GeneratedRepository repository, Supplier<CompletableFuture<?>> beside)
            throws Exception {
        int warmUps = (int) (WARM_UP.toMillis() / INTERVAL.toMillis());
        int total = warmUps + (int) (MEASURED.toMillis() / INTERVAL.toMillis());
        List<PushedCommit> pushed = new ArrayList<>();
        CompletableFuture<?> besides = null;
        try (RevisionCommits commits = new RevisionCommits(repository.directory(), seed);
             TokenWatch watch = new TokenWatch(elasticsearch.client(), pipeline.index())) {
            long started = System.nanoTime();
            for (int number = 1; beside == null ? number <= total : besides == null || !besides.isDone(); number++) {
                sleepUntil(started + (number - 1) * INTERVAL.toNanos());
                if (beside != null && number == warmUps + 1) {
                    besides = beside.get();
                }
                PushedCommit commit = commits.commit(number);
                watch.expect(commit, System.nanoTime());
                github.push(pipeline.ingestPort(), commit.id(), "delivery-" + number);
                pushed.add(commit);
                if (number % PROGRESS_EVERY == 0) {
                    say("  %d commits pushed (%d warm-up), %d found so far", number, warmUps, watch.found().size());
                }
            }
            double streamSeconds = (System.nanoTime() - started) / 1e9;
            say("  %d commits pushed in %.1f s; waiting for the last to be searchable...", pushed.size(), streamSeconds);
            watch.awaitSettled();
            List<Double> latencies = watch.found().stream().filter(found -> found.commit().number() > warmUps)
                    .map(TokenWatch.Found::latencyMs).toList();
            say("  searching each commit's token through the API's /search...");
            return new Result(latencies, pushed.size() - warmUps, pushed.size(), streamSeconds, watch.givenUp(),
                    missingThroughApi(pipeline.index(), pushed));
        }
    }

    /** Each commit's token searched once through the API, as a user would, among cards of any status. */
    private List<PushedCommit> missingThroughApi(CardIndexNames index, List<PushedCommit> commits) throws Exception {
        ApiService api = new ApiService(new ApiConfig("127.0.0.1", 0, elasticsearch.url(), index));
        api.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            List<PushedCommit> missing = new ArrayList<>();
            for (PushedCommit commit : commits) {
                // A page of 10, the default, holds the 5 cards a commit revises at most.
                URI search = URI.create("http://127.0.0.1:" + api.port() + "/search?group=card&status=all&q=" + commit.token());
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(search).build(),
                        HttpResponse.BodyHandlers.ofString());
                Set<String> keys = new HashSet<>();
                if (answer.statusCode() == 200) {
                    JSON.readTree(answer.body()).path("cards").forEach(card -> keys.add(card.path("key").asText()));
                }
                if (!keys.containsAll(commit.cardKeys())) {
                    missing.add(commit);
                }
            }
            return missing;
        } finally {
            api.close();
        }
    }

    private static void sleepUntil(long dueNanos) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(dueNanos - System.nanoTime());
    }
}
