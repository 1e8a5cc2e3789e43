package io.cardex.benchmarks.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.cardex.card.event.UnreadableEventException;
import io.cardex.indexer.IndexerConfig;
import io.cardex.indexer.IndexerService;
import io.cardex.indexer.consume.RecordTranslator;
import io.cardex.indexer.index.BulkSettings;
import io.cardex.indexer.index.CardIndex;
import io.cardex.indexer.index.IndexAction;
import io.cardex.indexer.index.Rejection;
import io.cardex.store.CardIndexNames;
import io.cardex.store.ElasticsearchConnection;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The two ways of filling a fresh card index that the report compares: the indexer consuming
 * the topic, and the same documents sent straight to {@code _bulk} in requests as large and as
 * many at once as the indexer's. Each run writes to an index of its own, made from the same template.
 */
public final class IndexRuns {

    /** How often the indexer's meters are read: small against runs of seconds. */
    private static final long POLL_MILLIS = 5;
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);

    private final String bootstrapServers;
    private final URI elasticsearchUrl;
    private final String topic;
    private final int cards;
    private final List<IndexAction> documents = new ArrayList<>();
    private int runs;

    /**
     * @param name                   what was measured
     * @param seconds                from the first change handed to Elasticsearch to the last one acknowledged
     * @param secondsWithStart       for the indexer, from its start (index check, joining the group) to the last
     * @param index                  the index the run filled
     */
    public record Run(String name, int cards, double seconds, double secondsWithStart, CardIndexNames index) {

        double cardsPerSecond() {
            return cards / seconds;
        }

        double cardsPerSecondWithStart() {
            return cards / secondsWithStart;
        }
    }

    /**
     * @param topic where the {@code cards} change events are, one per card
     */
    public IndexRuns(String bootstrapServers, URI elasticsearchUrl, String topic, int cards) {
        this.bootstrapServers = bootstrapServers;
        this.elasticsearchUrl = elasticsearchUrl;
        this.topic = topic;
        this.cards = cards;
    }

    /** Reads the topic once, untimed, into the documents the plain load sends. */
    void loadDocuments() throws UnreadableEventException {
        RecordTranslator translator = new RecordTranslator(Clock.systemUTC(), false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
            while (documents.size() < cards && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    documents.add(translator.translate(record));
                }
            }
        }
        if (documents.size() != cards) {
            throw new IllegalStateException("read " + documents.size() + " change events, expected " + cards);
        }
    }

    /**
     * The same documents sent straight to {@code _bulk}, with the indexer's request size and as
     * many requests at once as it sends: what is left to compare is the pipeline itself.
     */
    Run plainBulk() throws Exception {
        CardIndexNames names = nextIndex();
        BulkSettings bulk = BulkSettings.DEFAULT;
        ExecutorService senders = Executors.newFixedThreadPool(bulk.maxConcurrentRequests());
        try (ElasticsearchConnection elasticsearch = new ElasticsearchConnection(elasticsearchUrl)) {
            CardIndex index = new CardIndex(elasticsearch.client(), names);
            index.ensureExists();
            long started = System.nanoTime();
            List<Future<List<Rejection>>> requests = new ArrayList<>();
            for (int from = 0; from < documents.size(); from += bulk.maxOperations()) {
                List<IndexAction> batch = documents.subList(from, Math.min(documents.size(), from + bulk.maxOperations()));
                requests.add(senders.submit(() -> index.write(batch)));
            }
            for (Future<List<Rejection>> request : requests) {
                if (!request.get().isEmpty()) {
                    throw new IllegalStateException("Elasticsearch refused documents of the plain load");
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            requireCount(elasticsearch.client(), names);
            return new Run("_bulk", cards, seconds, seconds, names);
        } finally {
            senders.shutdown();
        }
    }

    /** Fills a fresh index with the indexer, and returns once every card is written. */
    public Run indexer() throws Exception {
        CardIndexNames names = nextIndex();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        IndexerConfig config = new IndexerConfig(bootstrapServers, topic, "benchmark-indexer-" + runs, elasticsearchUrl,
                names, BulkSettings.DEFAULT, java.util.Optional.empty());
        try (IndexerService indexer = new IndexerService(config, registry)) {
            long started = System.nanoTime();
            indexer.start();
            long firstHandedOver = 0;
            long deadline = started + GIVE_UP_AFTER.toNanos();
            while (written(registry) < cards) {
                if (firstHandedOver == 0 && (unacknowledged(registry) > 0 || written(registry) > 0)) {
                    firstHandedOver = System.nanoTime();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the indexer wrote " + written(registry) + " of "
                            + cards + " cards in " + GIVE_UP_AFTER.toMinutes() + " minutes");
                }
                // Sleeping, not spinning: this machine's cores are the servers' and the indexer's.
                Thread.sleep(POLL_MILLIS);
            }
            long ended = System.nanoTime();
            try (ElasticsearchConnection elasticsearch = new ElasticsearchConnection(elasticsearchUrl)) {
                requireCount(elasticsearch.client(), names);
            }
            return new Run("indexer", cards, (ended - firstHandedOver) / 1e9, (ended - started) / 1e9, names);
        }
    }

    private CardIndexNames nextIndex() {
        runs++;
        return new CardIndexNames("benchmark-cards-" + runs);
    }

    private static double written(SimpleMeterRegistry registry) {
        return Search.in(registry).name("cardex.indexer.changes").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    private static double unacknowledged(SimpleMeterRegistry registry) {
        return Search.in(registry).name("cardex.indexer.changes.unacknowledged").gauge().value();
    }

    /** Both loads must end with every card in the index; a fast load that lost cards proves nothing. */
    private void requireCount(ElasticsearchClient client, CardIndexNames names) throws IOException {
        client.indices().refresh(r -> r.index(names.alias()));
        long count = client.count(c -> c.index(names.alias())).count();
        if (count != cards) {
            throw new IllegalStateException(names.alias() + " holds " + count + " cards, expected " + cards);
        }
    }
}
