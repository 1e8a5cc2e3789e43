package io.cardex.it.indexer;

import io.cardex.topics.KafkaConnection;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import io.cardex.cardindex.BulkFillSettings;
import java.io.IOException;
import io.cardex.cardindex.CardIndexVersions;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.cardex.card.CardFile;
import io.cardex.card.CardId;
import io.cardex.card.CardKey;
import io.cardex.card.CardParser;
import io.cardex.card.CardRules;
import io.cardex.card.CardexJson;
import io.cardex.card.Language;
import io.cardex.card.event.CardChange;
import io.cardex.card.event.ChangeEvent;
import io.cardex.card.event.ChangeVersionHeader;
import io.cardex.card.event.Operation;
import io.cardex.indexer.AssetVerification;
import io.cardex.indexer.IndexerConfig;
import io.cardex.indexer.IndexerService;
import io.cardex.indexer.reindex.Reindexer;
import io.cardex.indexer.BulkSettings;
import io.cardex.indexer.index.CardIndex;
import io.cardex.indexer.index.IndexAction;
import io.cardex.indexer.verify.VerifierConfig;
import io.cardex.topics.CardChangeTopic;
import io.cardex.topics.DeadLetterTopic;
import io.cardex.ingest.publish.ChangePublisher;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.TopicReader;
import io.cardex.it.support.UniqueNames;
import io.cardex.stack.EmbeddedStack;
import io.cardex.cardindex.AssetCheck;
import io.cardex.cardindex.AssetStatus;
import io.cardex.cardindex.CardDocument;
import io.cardex.cardindex.CardStatus;
import io.cardex.cardindex.ElasticsearchConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/** The indexer writes what the card-changes topic says to a real Elasticsearch, newest version last. */
class IndexerIT {

    private static final CardKey KEY = CardKey.parse("hub/mindspore/1.9/refinenet_voc2012");

    private final EmbeddedStack stack = TestStack.get();
    private final ObjectMapper json = CardexJson.newMapper();
    private static final byte[] CHECKPOINT = "weights of a tiny model".getBytes(StandardCharsets.UTF_8);
    private HttpServer assets;
    private final UniqueNames names = UniqueNames.forTest("indexer");
    private ElasticsearchConnection elasticsearch;
    private ChangePublisher publisher;
    private IndexerService indexer;

    @BeforeEach
    void startIndexer() throws Exception {
        CardChangeTopic.ensureExists(KafkaConnection.open(stack.kafkaBootstrapServers()), names.topic(), 3, (short) 1, CardRules.DEFAULT_MAX_FILE_BYTES);
        elasticsearch = new ElasticsearchConnection(stack.elasticsearchUrl());
        publisher = new ChangePublisher(KafkaConnection.open(stack.kafkaBootstrapServers()), names.topic(), CardRules.DEFAULT_MAX_FILE_BYTES);
        assets = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        assets.createContext("/models/refinenet.ckpt", exchange -> {
            exchange.sendResponseHeaders(200, CHECKPOINT.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(CHECKPOINT);
            }
        });
        assets.start();
        indexer = new IndexerService(config(""), new SimpleMeterRegistry());
        indexer.start();
    }

    @AfterEach
    void stop() throws Exception {
        assets.stop(0);
        indexer.close();
        publisher.close();
        elasticsearch.close();
    }

    @Test
    void theLatestChangeOfACardWinsAndALateOlderOneChangesNothing() throws Exception {
        publisher.send(upsert("summary: first words"));
        publisher.send(upsert("summary: second words"));
        publisher.awaitAcknowledged();
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(storedSummary()).isEqualTo("second words"));

        ChangeEvent late = upsert("summary: late and stale").event();
        var rejections = new CardIndex(elasticsearch.client(), names.index())
                .write(java.util.List.of(new IndexAction.Put(KEY.toString(), 1, CardDocument.of(late, Instant.now()))));

        assertThat(rejections).as("a version conflict is expected, not an error").isEmpty();
        assertThat(storedSummary()).isEqualTo("second words");
    }

    @Test
    void aDeletedCardLeavesTheIndex() throws Exception {
        publisher.send(upsert("summary: short-lived"));
        publisher.awaitAcknowledged();
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> stored().found());

        publisher.send(new CardChange.Deletion(KEY));
        publisher.awaitAcknowledged();

        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> !stored().found());
    }

    @Test
    void anInvalidCardIsIndexedWithItsProblems() throws Exception {
        publisher.send(upsert("fine-tunable: perhaps"));
        publisher.awaitAcknowledged();

        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            CardDocument document = stored().source();
            assertThat(document).isNotNull();
            assertThat(document.status()).isEqualTo(CardStatus.INVALID);
            assertThat(document.card().problems()).extracting(problem -> problem.code()).contains("invalid-boolean");
        });
    }

    @Test
    void anUnreadableRecordDoesNotStopTheCardsBehindIt() throws Exception {
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(names.topic(), KEY.toString(), "{not json".getBytes())).get();
        }
        publisher.send(upsert("summary: behind the garbage"));
        publisher.awaitAcknowledged();

        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(storedSummary()).isEqualTo("behind the garbage"));
        JsonNode letter = json.readTree(new TopicReader(stack.kafkaBootstrapServers(), DeadLetterTopic.of(names.topic()))
                .readValues(1).get(0));
        assertThat(letter.path("reason").asText()).startsWith("unreadable event: record value is not a change event");
        assertThat(letter.path("key").asText()).isEqualTo(KEY.toString());
        assertThat(letter.path("value").asText()).isEqualTo("{not json");
        assertThat(letter.path("offset").asLong()).isNotNegative();
    }

    /**
     * Anyone who can reach Kafka can write to the topic: a burst of records the indexer cannot
     * write (random bytes, and each kind of incomplete or foreign record the hostile-input
     * properties found) each becomes a dead letter with its reason, and the card behind them is
     * indexed within seconds.
     */
    @Test
    void aBurstOfRecordsTheIndexerCannotWriteGoesToTheDeadLetterTopicAndTheNextCardIsIndexed() throws Exception {
        ObjectNode withoutPath = json.valueToTree(upsert("summary: its file has no path").event());
        ((ObjectNode) withoutPath.at("/files/0")).remove("path");
        // value -> the reason its dead letter gives; each under the card's key but the repository's own record
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put("{\"schema_version\":2,\"files\":[]}", "incomplete change event: it has no event_id");
        reasons.put(json.writeValueAsString(withoutPath), "incomplete change event: it has no files[0].path");
        reasons.put("{\"schema_version\":99}", "schema version 99 is not supported");
        String skippedWithoutReason = "{\"schema_version\":1,\"kind\":\"skipped-files\",\"event_id\":\"" + UUID.randomUUID()
                + "\",\"repository\":\"hub\",\"branch\":\"main\",\"commit\":\"0123456789abcdef0123456789abcdef01234567\","
                + "\"commit_time\":\"2026-11-25T10:15:30Z\",\"skipped_files\":[{\"path\":\"README.md\"}]}";
        reasons.put(skippedWithoutReason, "incomplete skipped-files event: it has no skipped_files[0].reason");
        Random random = new Random(16);
        int garbage = 200;
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < garbage; i++) {
                byte[] bytes = new byte[1 + random.nextInt(64)];
                random.nextBytes(bytes);
                bytes[0] = '#';
                raw.send(new ProducerRecord<>(names.topic(), KEY.toString(), bytes));
            }
            for (String value : reasons.keySet()) {
                String key = value.equals(skippedWithoutReason) ? KEY.repository() : KEY.toString();
                raw.send(new ProducerRecord<>(names.topic(), key, value.getBytes(StandardCharsets.UTF_8)));
            }
            raw.flush();
        }
        publisher.send(upsert("summary: behind the burst"));
        publisher.awaitAcknowledged();

        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(storedSummary()).isEqualTo("behind the burst"));
        assertThat(indexer.isRunning()).as("the indexer goes on").isTrue();
        List<JsonNode> letters = new ArrayList<>();
        for (String value : new TopicReader(stack.kafkaBootstrapServers(), DeadLetterTopic.of(names.topic()))
                .readValues(garbage + reasons.size())) {
            letters.add(json.readTree(value));
        }
        assertThat(letters).allSatisfy(letter -> assertThat(letter.path("reason").asText())
                .startsWith("unreadable event: "));
        reasons.forEach((value, reason) -> assertThat(letters).filteredOn(letter -> letter.path("value").asText()
                .equals(value)).singleElement().satisfies(letter -> assertThat(letter.path("reason").asText())
                .contains(reason)));
    }

    @Test
    void aTombstoneWhoseVersionHeaderIsNoVersionGoesToTheDeadLetterTopicAndTheCardStays() throws Exception {
        publisher.send(upsert("summary: kept"));
        publisher.awaitAcknowledged();
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(storedSummary()).isEqualTo("kept"));
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> tombstone = new ProducerRecord<>(names.topic(), KEY.toString(), null);
            tombstone.headers().add(ChangeVersionHeader.NAME, "tomorrow".getBytes(StandardCharsets.US_ASCII));
            raw.send(tombstone).get();
        }
        publisher.send(upsert("summary: behind the bad version"));
        publisher.awaitAcknowledged();

        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(storedSummary()).isEqualTo("behind the bad version"));
        JsonNode letter = json.readTree(new TopicReader(stack.kafkaBootstrapServers(), DeadLetterTopic.of(names.topic()))
                .readValues(1).get(0));
        assertThat(letter.path("reason").asText())
                .isEqualTo("unreadable event: record header cardex-version is not a version (a positive decimal number): "
                        + "'tomorrow'");
    }

    @Test
    void aCardElasticsearchRefusesGoesToTheDeadLetterTopicAndTheNextCardsAreIndexed() throws Exception {
        publisher.send(withOtherFieldsNested(upsert("summary: too deep"), 30));
        publisher.send(upsert("summary: indexed after the refused one"));
        publisher.awaitAcknowledged();

        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(storedSummary()).isEqualTo("indexed after the refused one"));
        JsonNode letter = json.readTree(new TopicReader(stack.kafkaBootstrapServers(), DeadLetterTopic.of(names.topic()))
                .readValues(1).get(0));
        assertThat(letter.path("reason").asText()).startsWith("Elasticsearch refused the card: ")
                .contains("card.header.other_fields");
        assertThat(json.readTree(letter.path("value").asText()).at("/card/header/summary").asText()).isEqualTo("too deep");
    }

    @Test
    void aCardIsSearchableAtOnceAndItsAssetsAreCheckedAfterwards() throws Exception {
        String link = "http://127.0.0.1:" + assets.getAddress().getPort() + "/models/refinenet.ckpt";
        String good = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CHECKPOINT));
        publisher.send(upsert("asset:\n  - file-format: ckpt\n    asset-link: " + link + "\n    asset-sha256: " + good
                + "\n  - file-format: ckpt\n    asset-link: " + link + "\n    asset-sha256: " + "0".repeat(64)));
        publisher.awaitAcknowledged();

        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(stored().source().assetChecks()).extracting(AssetCheck::status, AssetCheck::bytes)
                        .containsExactly(tuple(AssetStatus.VERIFIED, (long) CHECKPOINT.length),
                                tuple(AssetStatus.MISMATCH, (long) CHECKPOINT.length)));
        assertThat(stored().source().assetChecks().get(1).actualSha256()).isEqualTo(good);
    }

    /**
     * More than twice as many cards with assets as the indexer checks at once (500), sharing one
     * asset whose first download is slow, so that the limit is reached: the cards over it wait,
     * pending, for a sweep, which comes once the checks under way are done, not at the next
     * periodic sweep (in 10 minutes here); every one is checked in the end.
     */
    @Test
    void cardsBeyondThoseCheckedAtOnceAreCheckedAfterwards() throws Exception {
        AtomicBoolean first = new AtomicBoolean(true);
        assets.createContext("/models/slow.ckpt", exchange -> {
            if (first.getAndSet(false)) {
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(200, CHECKPOINT.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(CHECKPOINT);
            }
        });
        String link = "http://127.0.0.1:" + assets.getAddress().getPort() + "/models/slow.ckpt";
        String good = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CHECKPOINT));
        int cards = 1_100;
        for (int card = 0; card < cards; card++) {
            publisher.send(upsert(CardKey.parse("hub/mindspore/1.9/model_" + card),
                    "asset:\n  - file-format: ckpt\n    asset-link: " + link + "\n    asset-sha256: " + good));
        }
        publisher.awaitAcknowledged();

        await().ignoreExceptions().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(elasticsearch.client().count(c -> c.index(names.index().alias())
                        .query(q -> q.term(t -> t.field("asset_checks.status").value("verified")))).count())
                        .isEqualTo(cards));
    }

    @Test
    void checksCutOffByARestartAreDoneWhenTheIndexerStartsAgain() throws Exception {
        String link = "http://127.0.0.1:" + assets.getAddress().getPort() + "/models/refinenet.ckpt";
        String good = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CHECKPOINT));
        CardChange.Upsert upsert = upsert("asset:\n  - file-format: ckpt\n    asset-link: " + link
                + "\n    asset-sha256: " + good);
        CardIndex index = new CardIndex(elasticsearch.client(), names.index());
        new CardIndexVersions(elasticsearch.client(), names.index()).ensureExists();
        index.write(List.of(new IndexAction.Put(KEY.toString(), 7, CardDocument.of(upsert.event(), Instant.now()))));
        assertThat(stored().source().assetChecks()).extracting(AssetCheck::status).containsExactly(AssetStatus.PENDING);

        try (IndexerService restarted = new IndexerService(config("-restarted"), new SimpleMeterRegistry())) {
            restarted.start();

            await().ignoreExceptions().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(stored().source().assetChecks()).extracting(AssetCheck::status)
                            .containsExactly(AssetStatus.VERIFIED));
        }
        assertThat(stored().version()).isEqualTo(7);
    }

    @Test
    void aFirstSnapshotFillsTheEmptyIndexWithRefreshOffAndLeavesItLiveOnceEveryCardIsIn() throws Exception {
        int cards = 3_000;
        // The snapshot is on the topic before an indexer reads it, as when ingest publishes faster than it indexes.
        indexer.close();
        for (int card = 0; card < cards; card++) {
            publisher.send(upsert(CardKey.parse("hub/mindspore/1.9/model_" + card), "summary: snapshot card " + card));
        }
        publisher.awaitAcknowledged();
        String index = names.index().versionedIndex(1);
        indexer = new IndexerService(config("-first-fill"), new SimpleMeterRegistry());
        indexer.start();
        await().ignoreExceptions().atMost(Duration.ofSeconds(120)).until(() -> searchable() == cards);

        // Refresh is off only while the fill runs, which a fast machine finishes before a watcher
        // looks; relaxing the index also remembers its live replicas in the mapping, which stays.
        assertThat(elasticsearch.client().indices().getMapping(g -> g.index(index)).get(index).mappings().meta())
                .as("refresh was turned off for the fill").containsKey("cardex_live_replicas");
        assertThat(refreshInterval(index)).as("the index template's refresh, Elasticsearch's default").isNull();
    }

    @Test
    void eachChangeIsSearchableOnceWrittenWithoutWaitingForTheIndexsPeriodicRefresh() throws Exception {
        publisher.send(upsert("summary: the first card"));
        publisher.awaitAcknowledged();
        await().ignoreExceptions().atMost(Duration.ofSeconds(30)).until(() -> searchable() == 1);
        String index = names.index().versionedIndex(1);
        elasticsearch.client().indices().putSettings(p -> p.index(index).settings(s -> s.refreshInterval(t -> t.time("1h"))));

        // The indexer's sweeps refresh the index too, every ten seconds: three changes in a row,
        // each searchable within two seconds, cannot all fall just after one.
        for (int card = 1; card <= 3; card++) {
            publisher.send(upsert(CardKey.parse("hub/mindspore/1.9/later_model_" + card), "summary: card " + card));
            publisher.awaitAcknowledged();
            long expected = card + 1;
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> searchable() == expected);
        }
    }

    @Test
    void anIndexLeftWithRefreshOffByAnIndexerStoppedMidFillIsLiveAgainOnceTheNextOneCaughtUp() throws Exception {
        indexer.close();
        String index = names.index().versionedIndex(1);
        new CardIndexVersions(elasticsearch.client(), names.index()).ensureExists();
        new BulkFillSettings(elasticsearch.client()).relax(index);
        publisher.send(upsert("summary: written after the restart"));
        publisher.awaitAcknowledged();

        indexer = new IndexerService(config("-restarted"), new SimpleMeterRegistry());
        indexer.start();

        await().ignoreExceptions().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(refreshInterval(index)).isNull();
            assertThat(searchable()).isEqualTo(1);
        });
    }

    @Test
    void aReindexWritesEveryChangePublishedWhileItRunsToTheNewVersion() throws Exception {
        int before = 3_000;
        for (int card = 0; card < before; card++) {
            publisher.send(upsert(CardKey.parse("hub/mindspore/1.9/model_" + card), "summary: before the reindex"));
        }
        publisher.awaitAcknowledged();
        await().ignoreExceptions().atMost(Duration.ofSeconds(120)).until(() -> searchable() == before);

        // Pushes all along the reindex: the indexer writes them to the old version until the alias
        // moves, and the reindex must carry each of them over, also those its first pass read past its end.
        AtomicBoolean reindexing = new AtomicBoolean(true);
        AtomicInteger published = new AtomicInteger(before);
        Thread pushes = new Thread(() -> {
            while (reindexing.get()) {
                publisher.send(upsert(CardKey.parse("hub/mindspore/1.9/model_" + published.getAndIncrement()),
                        "summary: pushed during the reindex"));
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        pushes.start();
        Reindexer.Result result;
        try {
            result = new Reindexer(config("")).run();
        } finally {
            reindexing.set(false);
            pushes.join();
        }
        publisher.awaitAcknowledged();

        assertThat(result.newIndex()).isEqualTo(names.index().versionedIndex(2));
        assertThat(published.get()).as("cards pushed during the reindex").isGreaterThan(before);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(searchable())
                .as("cards in the new version, of every card published").isEqualTo(published.get()));
    }

    /** The cards a search of the alias finds now, as a user would. */
    private long searchable() throws IOException {
        return elasticsearch.client().count(c -> c.index(names.index().alias())).count();
    }

    /** The index's own refresh interval, null when it refreshes as Elasticsearch does by default. */
    private String refreshInterval(String index) throws IOException {
        IndexSettings settings = elasticsearch.client().indices().getSettings(g -> g.index(index)).get(index).settings();
        IndexSettings values = settings.index() != null ? settings.index() : settings;
        return values.refreshInterval() == null ? null : values.refreshInterval().time();
    }

    /** A card whose unknown header fields nest deeper than the index accepts (20 levels). */
    private CardChange.Upsert withOtherFieldsNested(CardChange.Upsert upsert, int depth) throws Exception {
        ObjectNode event = json.valueToTree(upsert.event());
        ObjectNode nested = json.createObjectNode();
        ObjectNode level = nested;
        for (int i = 0; i < depth; i++) {
            level = level.putObject("level" + i);
        }
        level.put("leaf", "deep");
        ((ObjectNode) event.at("/card/header")).set("other_fields", nested);
        return new CardChange.Upsert(json.treeToValue(event, ChangeEvent.class));
    }

    private IndexerConfig config(String groupSuffix) {
        return new IndexerConfig(KafkaConnection.open(stack.kafkaBootstrapServers()), names.topic(), names.consumerGroup() + groupSuffix,
                stack.elasticsearchUrl(), names.index(), BulkSettings.DEFAULT, Optional.of(new AssetVerification(
                        VerifierConfig.builder().allowedHosts(Set.of("127.0.0.1")).allowLoopback(true).build(),
                        Duration.ofHours(1))));
    }

    private GetResponse<CardDocument> stored() throws Exception {
        return elasticsearch.client().get(g -> g.index(names.index().alias()).id(KEY.toString()), CardDocument.class);
    }

    private String storedSummary() throws Exception {
        GetResponse<CardDocument> response = stored();
        return response.found() ? response.source().card().header().summary() : null;
    }

    private static CardChange.Upsert upsert(String headerLine) {
        return upsert(KEY, headerLine);
    }

    private static CardChange.Upsert upsert(CardKey key, String headerLine) {
        CardId id = key.cardId();
        String text = "# RefineNet\n---\nmodel-name: RefineNet\n" + headerLine + "\n---\nBody\n";
        String path = id.path(Language.EN);
        return new CardChange.Upsert(new ChangeEvent(ChangeEvent.SCHEMA_VERSION, UUID.randomUUID(), key.repository(),
                "main", "0123456789abcdef0123456789abcdef01234567", Instant.now(), "Ada <ada@example.com>", id, Operation.UPDATE,
                List.of(new ChangeEvent.SourceFile(path, Language.EN)),
                new CardParser(CardRules.DEFAULT).parse(id, Optional.of(CardFile.of(path, text)), Optional.empty())));
    }
}
