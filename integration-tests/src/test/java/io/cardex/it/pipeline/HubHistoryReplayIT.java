package io.cardex.it.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cardex.topics.KafkaConnection;
import io.cardex.api.ApiService;
import io.cardex.benchmarks.ingest.CardHistoryGenerator;
import io.cardex.benchmarks.ingest.CardRepositoryGenerator;
import io.cardex.benchmarks.ingest.GeneratedHistory;
import io.cardex.benchmarks.ingest.HistorySpec;
import io.cardex.card.CardId;
import io.cardex.card.CardRules;
import io.cardex.indexer.IndexerConfig;
import io.cardex.indexer.IndexerService;
import io.cardex.indexer.BulkSettings;
import io.cardex.ingest.IngestPass;
import io.cardex.ingest.Ingestor;
import io.cardex.ingest.PassProgress;
import io.cardex.ingest.RepositoryConfig;
import io.cardex.ingest.cursor.CursorStore;
import io.cardex.ingest.git.CardRepository;
import io.cardex.ingest.git.LoggingProgressMonitor;
import io.cardex.ingest.git.RepositorySource;
import io.cardex.ingest.publish.ChangePublisher;
import io.cardex.it.support.ApiClient;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.UniqueNames;
import io.cardex.stack.EmbeddedStack;
import io.cardex.topics.CardChangeTopic;
import io.cardex.api.ApiConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;

/**
 * Replays a hub-shaped history commit by commit, as ingest would meet it: its first commits file
 * every card as {@code <user>/<backend>/<version>/<name>.md}, a later one moves them all to
 * {@code <user>/<version>/<name>.md}, and the last adds cards one and two folders deeper and files
 * that are no card. The index must end with exactly the cards of the last commit, and count every
 * file not read, by reason.
 */
class HubHistoryReplayIT {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());
    private static final int FIRST_CARDS = 25;
    /** Eight commits of four changes each; the fifth moves the cards out of their backend folders. */
    private static final HistorySpec HISTORY = new HistorySpec(8, 4, 5);
    private static final String REPLAYED_BRANCH = "replayed";

    private final EmbeddedStack stack = TestStack.get();
    private final UniqueNames names = UniqueNames.forTest("hub-history");

    @Test
    void replayingTheWholeHistoryEndsWithExactlyTheCardsOfTheLastCommitAndCountsEveryFileNotRead() throws Exception {
        Path hub = TempDirectories.create("cardex-it-hub-");
        Path work = TempDirectories.create("cardex-it-hub-work-");
        try {
            new CardRepositoryGenerator(11, QUIET, 1).write(hub, FIRST_CARDS);
            GeneratedHistory history = new CardHistoryGenerator(11, QUIET).append(hub, HISTORY);
            Set<String> lastCards = new TreeSet<>(history.cards().stream().map(CardId::value).toList());
            lastCards.addAll(addDeeperCardsAndFilesThatAreNoCard(hub));
            List<RevCommit> commits = oldestFirst(hub);

            CardChangeTopic.ensureExists(KafkaConnection.open(stack.kafkaBootstrapServers()), names.topic(), 3, (short) 1, CardRules.DEFAULT_MAX_FILE_BYTES);
            RepositoryConfig config = new RepositoryConfig(new RepositorySource.Local(hub), "hub",
                    Optional.of(REPLAYED_BRANCH), Optional.empty(), Duration.ofHours(1), work,
                    KafkaConnection.open(stack.kafkaBootstrapServers()), names.topic(), 3, (short) 1, CardRules.DEFAULT);
            List<IngestPass> passes = new ArrayList<>();
            try (Git git = Git.open(hub.toFile());
                 CardRepository repository = CardRepository.open(config.source(), config.branch(),
                         config.cloneDirectory(), new LoggingProgressMonitor("test"));
                 ChangePublisher publisher = new ChangePublisher(KafkaConnection.open(stack.kafkaBootstrapServers()), names.topic(), CardRules.DEFAULT_MAX_FILE_BYTES)) {
                Ingestor ingestor = new Ingestor(config, repository, publisher, new CursorStore(config.cursorFile()),
                        new PassProgress());
                for (RevCommit commit : commits) {
                    moveBranch(git, commit);
                    passes.add(ingestor.ingestOnce());
                }
            }

            assertThat(passes.get(0).upserts()).as("the first commit's cards, all in backend folders")
                    .isEqualTo(FIRST_CARDS);
            assertThat(passes.get(HISTORY.flattenAtCommit()).deletions())
                    .as("the commit that moves the cards out of their backend folders deletes each old key")
                    .isGreaterThanOrEqualTo(history.moves());
            try (IndexerService indexer = new IndexerService(new IndexerConfig(KafkaConnection.open(stack.kafkaBootstrapServers()),
                    names.topic(), names.consumerGroup(), stack.elasticsearchUrl(), names.index(), BulkSettings.DEFAULT,
                    Optional.empty()), new SimpleMeterRegistry());
                 ApiService api = new ApiService(new ApiConfig("127.0.0.1", 0, stack.elasticsearchUrl(), names.index()))) {
                indexer.start();
                api.start();
                ApiClient client = new ApiClient(api.port());

                await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() ->
                        assertThat(indexedCards(client)).isEqualTo(lastCards));
                await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
                    JsonNode skipped = client.get("/stats").body().path("skipped_files").get(0);
                    assertThat(skipped.path("repository").asText()).isEqualTo("hub");
                    assertThat(skipped.path("commit").asText()).isEqualTo(commits.get(commits.size() - 1).name());
                    assertThat(skipped.path("by_reason").path("readme").asInt()).isEqualTo(2);
                    assertThat(skipped.path("by_reason").path("not-markdown").asInt()).isEqualTo(1);
                    assertThat(skipped.path("by_reason").path("binary").asInt()).isEqualTo(1);
                    assertThat(skipped.path("by_reason").path("chinese-without-english").asInt()).isEqualTo(1);
                    assertThat(skipped.path("by_reason").path("not-a-key").asInt()).isEqualTo(1);
                    assertThat(skipped.path("total").asInt()).isEqualTo(6);
                });
                JsonNode stats = client.get("/stats").body();
                assertThat(stats.at("/cards/total").asInt()).as("the repository's document is no card")
                        .isEqualTo(lastCards.size());
                assertThat(client.get("/cards/hub/noah-cvlab/gpu/1.8/ghostnet_imagenet2012").body()
                        .path("card_id").asText()).isEqualTo("noah-cvlab/gpu/1.8/ghostnet_imagenet2012");
                assertThat(client.get("/cards/hub/noah-cvlab/gpu/1.8/ghostnet_imagenet2012/similar").status())
                        .isEqualTo(200);
                assertThat(client.get("/cards/hub/a/b/c/d/deep/similar").body().path("similar_to").asText())
                        .isEqualTo("hub/a/b/c/d/deep");
                assertThat(client.get("/cards/hub").status()).as("a repository's document is no card").isEqualTo(404);
                assertThat(client.keys("/search?status=all&size=100&q=README")).isEmpty();
            }
        } finally {
            TempDirectories.delete(work);
            TempDirectories.delete(hub);
        }
    }

    /**
     * A last commit as the hub is today: a user still filing cards under a backend folder, a card
     * two folders deeper than usual, a card filed under its user alone, and files that are no card.
     *
     * @return the cards it adds
     */
    private static Set<String> addDeeperCardsAndFilesThatAreNoCard(Path hub) throws Exception {
        String card = Files.readString(someCard(hub), StandardCharsets.UTF_8);
        write(hub, "noah-cvlab/gpu/1.8/ghostnet_imagenet2012.md", card.replace("summary:", "summary: GhostNet"));
        write(hub, "a/b/c/d/deep.md", card);
        write(hub, "me/shallow.md", card);
        write(hub, "README.md", "# The hub\n");
        write(hub, "noah-cvlab/README.md", "# Noah's cards\n");
        write(hub, "noah-cvlab/gpu/1.8/ghostnet.png", "png");
        write(hub, "noah-cvlab/gpu/1.8/orphan_cn.md", card);
        write(hub, "top.md", card);
        Files.write(hub.resolve("me/image.md"), new byte[] {'P', 'N', 'G', 0, 1, 2});
        try (Git git = Git.open(hub.toFile())) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("cards one folder deeper and shallower, and files that are no card")
                    .setAuthor("Ada", "ada@example.com").call();
        }
        return Set.of("noah-cvlab/gpu/1.8/ghostnet_imagenet2012", "a/b/c/d/deep", "me/shallow");
    }

    private static Path someCard(Path hub) throws Exception {
        try (var files = Files.walk(hub)) {
            return files.filter(file -> file.toString().endsWith(".md") && !file.toString().endsWith("_cn.md")
                    && !file.toString().contains("/.git/")).sorted().findFirst().orElseThrow();
        }
    }

    private static void write(Path hub, String path, String text) throws Exception {
        Files.createDirectories(hub.resolve(path).getParent());
        Files.writeString(hub.resolve(path), text, StandardCharsets.UTF_8);
    }

    private static List<RevCommit> oldestFirst(Path hub) throws Exception {
        try (Git git = Git.open(hub.toFile())) {
            List<RevCommit> commits = new ArrayList<>();
            git.log().call().forEach(commits::add);
            Collections.reverse(commits);
            return commits;
        }
    }

    /** Points the branch ingest follows at the commit, as a push of that commit would. */
    private static void moveBranch(Git git, RevCommit commit) throws Exception {
        RefUpdate update = git.getRepository().updateRef(Constants.R_HEADS + REPLAYED_BRANCH);
        update.setNewObjectId(commit);
        update.setForceUpdate(true);
        assertThat(update.update()).isIn(RefUpdate.Result.NEW, RefUpdate.Result.FAST_FORWARD, RefUpdate.Result.FORCED);
    }

    /** The card ids of every card the index holds, valid or not. */
    private static Set<String> indexedCards(ApiClient client) {
        return client.keys("/search?status=all&size=100").stream().map(key -> key.substring("hub/".length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
