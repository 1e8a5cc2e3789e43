package io.cardex.it.faults;

import io.cardex.topics.KafkaConnection;
import io.cardex.card.CardRules;
import io.cardex.indexer.IndexerConfig;
import io.cardex.indexer.IndexerService;
import io.cardex.indexer.BulkSettings;
import io.cardex.topics.CardChangeTopic;
import io.cardex.ingest.publish.ChangePublisher;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.UniqueNames;
import io.cardex.it.support.VersionedCards;
import io.cardex.stack.EmbeddedStack;
import io.cardex.cardindex.ElasticsearchConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Injects: every change of the topic delivered again after the index already holds the newest: a
 * second indexer, in a consumer group of its own, reads the whole topic from its start (as after
 * an operator resets the offsets, or a group's offsets are lost), so each card receives its old
 * versions again after its newest one, some as exact duplicates, while newer changes arrive
 * (a fourth version of every card, then the same deletions again).
 * Checks: while the replay runs, no card ever goes back to an older version (a deleted card brought
 * back by an old upsert would show one); once it is done, the index holds the last change of every
 * card and no deleted one. (The replay starts seconds after the deletions, while Elasticsearch
 * still remembers them: see docs/change-events.md for a replay long after.)
 */
class ReplayIT {

    private static final int CARDS = 200;
    private static final Pattern VERSION = Pattern.compile("^version (\\d+) of card");

    private final EmbeddedStack stack = TestStack.get();
    private final UniqueNames names = UniqueNames.forTest("replay");
    private final VersionedCards cards = new VersionedCards(CARDS);

    @Test
    void changesDeliveredAgainNeverTakeACardBack() throws Exception {
        CardChangeTopic.ensureExists(KafkaConnection.open(stack.kafkaBootstrapServers()), names.topic(), 3, (short) 1, CardRules.DEFAULT_MAX_FILE_BYTES);
        try (ChangePublisher publisher = new ChangePublisher(KafkaConnection.open(stack.kafkaBootstrapServers()), names.topic(), CardRules.DEFAULT_MAX_FILE_BYTES);
             ElasticsearchConnection elasticsearch = new ElasticsearchConnection(stack.elasticsearchUrl());
             IndexerService first = new IndexerService(config(names.consumerGroup()), new SimpleMeterRegistry())) {
            first.start();
            for (int version = 1; version <= 3; version++) {
                cards.publishVersion(publisher, version);
            }
            cards.publishDeletions(publisher);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(cards.storedSummaries(elasticsearch, names.index()))
                            .isEqualTo(cards.expectedSummaries(3)));

            SimpleMeterRegistry replayMeters = new SimpleMeterRegistry();
            try (IndexerService replaying = new IndexerService(config(names.consumerGroup() + "-replay"), replayMeters)) {
                replaying.start();
                cards.publishVersion(publisher, 4);
                cards.publishDeletions(publisher);
                int changesOnTheTopic = 4 * CARDS + 2 * (CARDS / 10);
                Map<String, Integer> newestSeen = versions(cards.storedSummaries(elasticsearch, names.index()));
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (changesRead(replayMeters) < changesOnTheTopic) {
                    assertThat(System.nanoTime()).as("the replay finishes within 90 s").isLessThan(deadline);
                    Map<String, Integer> now = versions(cards.storedSummaries(elasticsearch, names.index()));
                    now.forEach((card, version) -> {
                        assertThat(version).as("version of %s during the replay", card)
                                .isGreaterThanOrEqualTo(newestSeen.getOrDefault(card, 0));
                        newestSeen.put(card, version);
                    });
                    Thread.sleep(100);
                }
                assertThat(changesRead(replayMeters)).isEqualTo(changesOnTheTopic);
                assertThat(replayMeters.get("cardex.indexer.changes").tag("outcome", "stale").counter().count())
                        .as("old versions the replay found already overtaken").isGreaterThanOrEqualTo(3 * CARDS);
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(cards.storedSummaries(elasticsearch, names.index()))
                            .isEqualTo(cards.expectedSummaries(4)));
        }
    }

    /** Changes the replaying indexer has finished with: written, found stale, or dead-lettered. */
    private static double changesRead(SimpleMeterRegistry meters) {
        return meters.find("cardex.indexer.changes").counters().stream().mapToDouble(counter -> counter.count()).sum();
    }

    private static Map<String, Integer> versions(Map<String, String> summaries) {
        Map<String, Integer> versions = new HashMap<>();
        summaries.forEach((card, summary) -> {
            Matcher version = VERSION.matcher(summary);
            assertThat(version.find()).as("summary of %s: %s", card, summary).isTrue();
            versions.put(card, Integer.parseInt(version.group(1)));
        });
        return versions;
    }

    private IndexerConfig config(String consumerGroup) {
        return new IndexerConfig(KafkaConnection.open(stack.kafkaBootstrapServers()), names.topic(), consumerGroup,
                stack.elasticsearchUrl(), names.index(), BulkSettings.DEFAULT, Optional.empty());
    }
}
