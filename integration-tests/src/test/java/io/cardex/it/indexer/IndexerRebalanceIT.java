package io.cardex.it.indexer;

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
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Indexers joining and leaving the consumer group while changes stream in: partitions move
 * between them mid-stream, each commits only what it wrote, and the index ends with the last
 * change of every card, none lost, none stale.
 */
class IndexerRebalanceIT {

    private static final int VERSIONS = 3;

    private final EmbeddedStack stack = TestStack.get();
    private final UniqueNames names = UniqueNames.forTest("rebalance");
    private final VersionedCards cards = new VersionedCards(200);

    @Test
    void theIndexHoldsTheLastChangeOfEveryCardAfterIndexersCameAndWent() throws Exception {
        CardChangeTopic.ensureExists(KafkaConnection.open(stack.kafkaBootstrapServers()), names.topic(), 3, (short) 1, CardRules.DEFAULT_MAX_FILE_BYTES);
        try (ChangePublisher publisher = new ChangePublisher(KafkaConnection.open(stack.kafkaBootstrapServers()), names.topic(), CardRules.DEFAULT_MAX_FILE_BYTES);
             ElasticsearchConnection elasticsearch = new ElasticsearchConnection(stack.elasticsearchUrl());
             IndexerService second = new IndexerService(config(), new SimpleMeterRegistry())) {
            try (IndexerService first = new IndexerService(config(), new SimpleMeterRegistry())) {
                first.start();
                cards.publishVersion(publisher, 1);
                second.start();
                cards.publishVersion(publisher, 2);
            }
            cards.publishVersion(publisher, VERSIONS);
            cards.publishDeletions(publisher);

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(cards.storedSummaries(elasticsearch, names.index()))
                            .isEqualTo(cards.expectedSummaries(VERSIONS)));
        }
    }

    private IndexerConfig config() {
        return new IndexerConfig(KafkaConnection.open(stack.kafkaBootstrapServers()), names.topic(), names.consumerGroup(),
                stack.elasticsearchUrl(), names.index(), BulkSettings.DEFAULT, Optional.empty());
    }
}
