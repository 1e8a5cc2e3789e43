package io.cardex.it.indexer;

import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import io.cardex.cardindex.BulkFillSettings;
import io.cardex.cardindex.CardIndexVersions;
import io.cardex.indexer.reindex.Reindexer;
import io.cardex.it.support.ApiClient;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestPipeline;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.UniqueNames;
import io.cardex.cli.pipeline.Pipeline;
import io.cardex.stack.EmbeddedStack;
import io.cardex.cardindex.ElasticsearchConnection;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A reindex builds the next index version from the topic and swaps it in while everything runs. */
class ReindexIT {

    private static final String REFINENET = "mindspore/1.9/refinenet_voc2012.md";

    @Test
    void theNewIndexVersionHoldsEveryCardAndTakesTheChangesThatFollow() throws Exception {
        EmbeddedStack stack = TestStack.get();
        UniqueNames names = UniqueNames.forTest("reindex");
        Path work = TempDirectories.create("cardex-it-reindex-");
        try (CardRepositoryFixture repository = CardRepositoryFixture.create().addExample(REFINENET)
                .addExample("mindspore/1.7/dlinknet_deepglobe.md").addExample("papers/2016/refinenet.md");
             Pipeline pipeline = TestPipeline.over(repository, names, work).start();
             ElasticsearchConnection elasticsearch = new ElasticsearchConnection(stack.elasticsearchUrl())) {
            ApiClient api = new ApiClient(pipeline.apiPort());
            repository.commit("three cards");
            await().ignoreExceptions().atMost(Duration.ofSeconds(60))
                    .until(() -> api.search("").at("/total/cards").asInt() == 3);

            Reindexer.Result result = new Reindexer(TestPipeline.over(repository, names, work).indexer()).run();

            assertThat(result.oldIndex()).isEqualTo(names.index().versionedIndex(1));
            assertThat(result.newIndex()).isEqualTo(names.index().versionedIndex(2));
            assertThat(elasticsearch.client().indices().getAlias(a -> a.name(names.index().alias())).result())
                    .containsOnlyKeys(names.index().versionedIndex(2));
            assertThat(api.search("").at("/total/cards").asInt()).isEqualTo(3);
            assertThat(api.searchKeys("ADE20K")).containsExactlyInAnyOrder(
                    "hub/papers/2016/refinenet", "hub/mindspore/1.9/refinenet_voc2012");

            repository.edit(REFINENET, card -> card.replace("summary: RefineNet is used for cv",
                    "summary: RefineNet after the reindex")).commit("a change after the swap");
            await().ignoreExceptions().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(api.searchKeys("after the reindex"))
                            .containsExactly("hub/mindspore/1.9/refinenet_voc2012"));
        } finally {
            TempDirectories.delete(work);
        }
    }

    @Test
    void searchesStayOnTheOldVersionWhileTheNewOneIsFilledWithRefreshOffThenItGoesLive() throws Exception {
        EmbeddedStack stack = TestStack.get();
        UniqueNames names = UniqueNames.forTest("reindex-settings");
        Path work = TempDirectories.create("cardex-it-reindex-");
        String oldIndex = names.index().versionedIndex(1);
        String newIndex = names.index().versionedIndex(2);
        try (CardRepositoryFixture repository = CardRepositoryFixture.create().addExample(REFINENET)
                .addExample("mindspore/1.7/dlinknet_deepglobe.md").addExample("papers/2016/refinenet.md");
             Pipeline pipeline = TestPipeline.over(repository, names, work).start();
             ElasticsearchConnection elasticsearch = new ElasticsearchConnection(stack.elasticsearchUrl())) {
            ApiClient api = new ApiClient(pipeline.apiPort());
            repository.commit("three cards");
            await().ignoreExceptions().atMost(Duration.ofSeconds(60))
                    .until(() -> api.search("").at("/total/cards").asInt() == 3);
            // One replica (never assigned on one node) to see the new version get it back after the fill.
            elasticsearch.client().indices().putSettings(p -> p.index(oldIndex).settings(s -> s.numberOfReplicas("1")));

            List<String> aliasWhileFilled = new CopyOnWriteArrayList<>();
            AtomicBoolean reindexing = new AtomicBoolean(true);
            Thread watch = new Thread(() -> {
                while (reindexing.get()) {
                    try {
                        if (refreshInterval(elasticsearch, newIndex).filter("-1"::equals).isPresent()) {
                            aliasWhileFilled.add(String.join(",", aliasTargets(elasticsearch, names)));
                        }
                    } catch (IOException | RuntimeException notThereYet) {
                        // The new version is being created.
                    }
                }
            });
            watch.start();
            try {
                new Reindexer(TestPipeline.over(repository, names, work).indexer()).run();
            } finally {
                reindexing.set(false);
                watch.join();
            }

            assertThat(aliasWhileFilled).isNotEmpty().containsOnly(oldIndex);
            assertThat(aliasTargets(elasticsearch, names)).containsOnly(newIndex);
            assertThat(refreshInterval(elasticsearch, newIndex)).isEmpty();
            assertThat(settings(elasticsearch, newIndex).numberOfReplicas()).isEqualTo("1");
            assertThat(api.search("").at("/total/cards").asInt()).isEqualTo(3);
        } finally {
            TempDirectories.delete(work);
        }
    }

    @Test
    void aReindexKilledHalfwayIsBuiltAgainOnTheNextRunAndLeftLive() throws Exception {
        EmbeddedStack stack = TestStack.get();
        UniqueNames names = UniqueNames.forTest("reindex-killed");
        Path work = TempDirectories.create("cardex-it-reindex-");
        String newIndex = names.index().versionedIndex(2);
        try (CardRepositoryFixture repository = CardRepositoryFixture.create().addExample(REFINENET)
                .addExample("mindspore/1.7/dlinknet_deepglobe.md");
             Pipeline pipeline = TestPipeline.over(repository, names, work).start();
             ElasticsearchConnection elasticsearch = new ElasticsearchConnection(stack.elasticsearchUrl())) {
            ApiClient api = new ApiClient(pipeline.apiPort());
            repository.commit("two cards");
            await().ignoreExceptions().atMost(Duration.ofSeconds(60))
                    .until(() -> api.search("").at("/total/cards").asInt() == 2);
            // What a reindex killed during its fill leaves: the next version, empty, with refresh off.
            new CardIndexVersions(elasticsearch.client(), names.index()).create(newIndex);
            new BulkFillSettings(elasticsearch.client()).relax(newIndex);

            Reindexer.Result result = new Reindexer(TestPipeline.over(repository, names, work).indexer()).run();

            assertThat(result.newIndex()).isEqualTo(newIndex);
            assertThat(aliasTargets(elasticsearch, names)).containsOnly(newIndex);
            assertThat(refreshInterval(elasticsearch, newIndex)).isEmpty();
            assertThat(api.search("").at("/total/cards").asInt()).isEqualTo(2);
        } finally {
            TempDirectories.delete(work);
        }
    }

    private static Set<String> aliasTargets(ElasticsearchConnection elasticsearch, UniqueNames names)
            throws IOException {
        return elasticsearch.client().indices().getAlias(a -> a.name(names.index().alias())).result().keySet();
    }

    /** The index's own refresh interval; empty when it has none and refreshes as Elasticsearch does by default. */
    private static Optional<String> refreshInterval(ElasticsearchConnection elasticsearch, String index)
            throws IOException {
        IndexSettings settings = settings(elasticsearch, index);
        return Optional.ofNullable(settings.refreshInterval()).map(Time::time);
    }

    private static IndexSettings settings(ElasticsearchConnection elasticsearch, String index) throws IOException {
        IndexSettings settings = elasticsearch.client().indices().getSettings(g -> g.index(index)).get(index).settings();
        return settings.index() != null ? settings.index() : settings;
    }
}
