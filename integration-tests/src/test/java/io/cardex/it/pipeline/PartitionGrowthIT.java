package io.cardex.it.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import io.cardex.card.CardRules;
import io.cardex.cardindex.CardDocument;
import io.cardex.cardindex.ElasticsearchConnection;
import io.cardex.cli.pipeline.Pipeline;
import io.cardex.indexer.IndexerService;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestPipeline;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.UniqueNames;
import io.cardex.stack.EmbeddedStack;
import io.cardex.topics.CardChangeTopic;
import io.cardex.topics.KafkaConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Partitions added to the card-changes topic while the cards keep changing, the way to add
 * indexers: about three keys in four move to a new partition whose offsets start at 0, and a
 * second indexer joins. No update may be lost: every card ends with its last change, and the
 * cards deleted after the change are gone.
 */
class PartitionGrowthIT {

    private static final int CARDS = 40;
    private static final int PARTITIONS_AFTER = 4;
    /** Rounds before the change: the one partition's offsets grow well past those the new ones start at. */
    private static final int ROUNDS_BEFORE = 6;
    private static final int DELETE_EVERY = 5;

    private final EmbeddedStack stack = TestStack.get();
    private final UniqueNames names = UniqueNames.forTest("partition-growth");
    private int round;

    @Test
    void everyCardHoldsItsLastChangeAfterPartitionsWereAddedWhileCardsChanged() throws Exception {
        CardChangeTopic.ensureExists(KafkaConnection.open(stack.kafkaBootstrapServers()), names.topic(), 1, (short) 1,
                CardRules.DEFAULT_MAX_FILE_BYTES);
        Path work = TempDirectories.create("cardex-it-ingest-");
        try (CardRepositoryFixture repository = CardRepositoryFixture.create();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
             ElasticsearchConnection elasticsearch = new ElasticsearchConnection(stack.elasticsearchUrl())) {
            TestPipeline setup = TestPipeline.over(repository, names, work);
            try (Pipeline pipeline = setup.start()) {
                for (int r = 1; r <= ROUNDS_BEFORE; r++) {
                    commitRound(repository, Set.of());
                    int expected = round;
                    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                            .untilAsserted(() -> assertThat(storedSummaries(elasticsearch))
                                    .isEqualTo(summaries(expected, Set.of())));
                }

                admin.createPartitions(Map.of(names.topic(), NewPartitions.increaseTo(PARTITIONS_AFTER))).all().get();
                try (IndexerService second = new IndexerService(setup.indexer(), new SimpleMeterRegistry())) {
                    second.start();
                    // Each poll commits one more round: ingest goes on publishing while its producer
                    // is yet to notice the new partitions, until the moved cards' changes land there.
                    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                            .until(() -> {
                                commitRound(repository, Set.of());
                                return everyNewPartitionHoldsChanges(admin);
                            });
                    commitRound(repository, Set.of());
                    Set<Integer> deleted = IntStream.range(0, CARDS).filter(card -> card % DELETE_EVERY == 0).boxed()
                            .collect(Collectors.toSet());
                    commitRound(repository, deleted);

                    int last = round;
                    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                            .untilAsserted(() -> assertThat(storedSummaries(elasticsearch))
                                    .isEqualTo(summaries(last, deleted)));
                }
            }
        } finally {
            TempDirectories.delete(work);
        }
    }

    /** Changes the summary of every card left, deleting those given, in one commit. */
    private void commitRound(CardRepositoryFixture repository, Set<Integer> deleting) {
        round++;
        for (int card = 0; card < CARDS; card++) {
            if (deleting.contains(card)) {
                repository.delete(path(card));
            } else {
                repository.write(path(card), "---\nmodel-name: model_" + card + "\nsummary: " + summary(card, round)
                        + "\n---\nBody\n");
            }
        }
        repository.commit("round " + round);
    }

    private boolean everyNewPartitionHoldsChanges(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> ends = IntStream.range(1, PARTITIONS_AFTER).boxed()
                .collect(Collectors.toMap(partition -> new TopicPartition(names.topic(), partition),
                        partition -> OffsetSpec.latest()));
        return admin.listOffsets(ends).all().get().values().stream().allMatch(end -> end.offset() > 0);
    }

    /** Card key -> summary for every card the index must hold after the round given. */
    private static Map<String, String> summaries(int lastRound, Set<Integer> deleted) {
        Map<String, String> expected = new HashMap<>();
        for (int card = 0; card < CARDS; card++) {
            if (!deleted.contains(card)) {
                expected.put(key(card), summary(card, lastRound));
            }
        }
        return expected;
    }

    private Map<String, String> storedSummaries(ElasticsearchConnection elasticsearch) throws IOException {
        List<String> ids = IntStream.range(0, CARDS).mapToObj(PartitionGrowthIT::key).toList();
        MgetResponse<CardDocument> response = elasticsearch.client().mget(m -> m.index(names.index().alias()).ids(ids),
                CardDocument.class);
        Map<String, String> stored = new HashMap<>();
        for (MultiGetResponseItem<CardDocument> item : response.docs()) {
            if (item.isResult() && item.result().found()) {
                GetResult<CardDocument> result = item.result();
                stored.put(result.id(), result.source().card().header().summary());
            }
        }
        return stored;
    }

    private static String path(int card) {
        return "mindspore/1.9/model_" + card + ".md";
    }

    private static String key(int card) {
        return "hub/mindspore/1.9/model_" + card;
    }

    private static String summary(int card, int round) {
        return "round " + round + " of card " + card;
    }
}
