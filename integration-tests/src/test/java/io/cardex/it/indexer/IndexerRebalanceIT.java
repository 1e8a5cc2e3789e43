package io.cardex.it.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import io.cardex.card.CardFile;
import io.cardex.card.CardId;
import io.cardex.card.CardKey;
import io.cardex.card.CardParser;
import io.cardex.card.CardRules;
import io.cardex.card.Language;
import io.cardex.card.event.CardChange;
import io.cardex.card.event.ChangeEvent;
import io.cardex.card.event.Operation;
import io.cardex.indexer.IndexerConfig;
import io.cardex.indexer.IndexerService;
import io.cardex.indexer.index.BulkSettings;
import io.cardex.ingest.publish.CardChangeTopicSetup;
import io.cardex.ingest.publish.ChangePublisher;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.UniqueNames;
import io.cardex.runtime.stack.EmbeddedStack;
import io.cardex.store.CardDocument;
import io.cardex.store.ElasticsearchConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Indexers joining and leaving the consumer group while changes stream in: partitions move
 * between them mid-stream, each commits only what it wrote, and the index ends with the last
 * change of every card, none lost, none stale.
 */
class IndexerRebalanceIT {

    private static final int CARDS = 200;
    private static final int VERSIONS = 3;
    /** Every tenth card is deleted after its last version. */
    private static final int DELETE_EVERY = 10;

    private final EmbeddedStack stack = TestStack.get();
    private final UniqueNames names = UniqueNames.forTest("rebalance");
    private final CardParser parser = new CardParser(CardRules.DEFAULT);

    @Test
    void theIndexHoldsTheLastChangeOfEveryCardAfterIndexersCameAndWent() throws Exception {
        CardChangeTopicSetup.ensureExists(stack.kafkaBootstrapServers(), names.topic(), 3, (short) 1);
        try (ChangePublisher publisher = new ChangePublisher(stack.kafkaBootstrapServers(), names.topic());
             ElasticsearchConnection elasticsearch = new ElasticsearchConnection(stack.elasticsearchUrl());
             IndexerService second = new IndexerService(config(), new SimpleMeterRegistry())) {
            try (IndexerService first = new IndexerService(config(), new SimpleMeterRegistry())) {
                first.start();
                publishVersion(publisher, 1);
                second.start();
                publishVersion(publisher, 2);
            }
            publishVersion(publisher, VERSIONS);
            for (int card = 0; card < CARDS; card += DELETE_EVERY) {
                publisher.send(new CardChange.Deletion(key(card)));
            }
            publisher.awaitAcknowledged();

            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .untilAsserted(() -> assertThat(storedSummaries(elasticsearch)).isEqualTo(expectedSummaries()));
        }
    }

    private void publishVersion(ChangePublisher publisher, int version) throws Exception {
        for (int card = 0; card < CARDS; card++) {
            publisher.send(upsert(key(card), summary(card, version)));
        }
        publisher.awaitAcknowledged();
    }

    private static Map<String, String> expectedSummaries() {
        Map<String, String> expected = new HashMap<>();
        for (int card = 0; card < CARDS; card++) {
            if (card % DELETE_EVERY != 0) {
                expected.put(key(card).toString(), summary(card, VERSIONS));
            }
        }
        return expected;
    }

    private Map<String, String> storedSummaries(ElasticsearchConnection elasticsearch) throws Exception {
        List<String> ids = IntStream.range(0, CARDS).mapToObj(card -> key(card).toString()).toList();
        MgetResponse<CardDocument> response = elasticsearch.client().mget(m -> m.index(names.index().alias()).ids(ids),
                CardDocument.class);
        Map<String, String> stored = new HashMap<>();
        for (MultiGetResponseItem<CardDocument> item : response.docs()) {
            if (item.isResult() && item.result().found()) {
                stored.put(item.result().id(), item.result().source().card().header().summary());
            }
        }
        return stored;
    }

    private IndexerConfig config() {
        return new IndexerConfig(stack.kafkaBootstrapServers(), names.topic(), names.consumerGroup(),
                stack.elasticsearchUrl(), names.index(), BulkSettings.DEFAULT, Optional.empty());
    }

    private static CardKey key(int card) {
        return CardKey.parse("hub/mindspore/1.9/model_" + card);
    }

    private static String summary(int card, int version) {
        return "version " + version + " of card " + card;
    }

    private CardChange.Upsert upsert(CardKey key, String summary) {
        CardId id = key.cardId();
        String text = "---\nmodel-name: " + id.value() + "\nsummary: " + summary + "\n---\nBody\n";
        String path = id.path(Language.EN);
        return new CardChange.Upsert(new ChangeEvent(ChangeEvent.SCHEMA_VERSION, UUID.randomUUID(), key.repository(),
                "main", "0123456789abcdef0123456789abcdef01234567", Instant.now(), "Ada <ada@example.com>", id,
                Operation.UPDATE, List.of(new ChangeEvent.SourceFile(path, Language.EN, text)),
                parser.parse(id, Optional.of(CardFile.of(path, text)), Optional.empty())));
    }
}
