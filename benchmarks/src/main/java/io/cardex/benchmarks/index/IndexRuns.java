package io.cardex.benchmarks.index;

import io.cardex.topics.KafkaConnection;
import io.cardex.api.search.CardsOnly;
import io.cardex.cardindex.CardIndexVersions;
import static io.cardex.benchmarks.index.IndexerMeters.changesDone;
import static io.cardex.benchmarks.index.IndexerMeters.unacknowledged;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.cardex.card.event.UnreadableEventException;
import io.cardex.indexer.IndexerConfig;
import io.cardex.indexer.IndexerService;
import io.cardex.indexer.BulkSettings;
import io.cardex.indexer.index.CardIndex;
import io.cardex.cardindex.CardIndexNames;
import io.cardex.cardindex.ElasticsearchConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

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
    private PlainBulkLoad plainLoad;
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
        plainLoad = PlainBulkLoad.read(bootstrapServers, topic, cards);
    }

    /**
     * The same documents sent straight to {@code _bulk}, with the indexer's request size and as
     * many requests at once as it sends: what is left to compare is the pipeline itself.
     */
    Run plainBulk() throws Exception {
        CardIndexNames names = nextIndex();
        try (ElasticsearchConnection elasticsearch = new ElasticsearchConnection(elasticsearchUrl)) {
            CardIndex index = new CardIndex(elasticsearch.client(), names);
            new CardIndexVersions(elasticsearch.client(), names).ensureExists();
            long started = System.nanoTime();
            plainLoad.sendTo(index).get();
            double seconds = (System.nanoTime() - started) / 1e9;
            requireCount(elasticsearch.client(), names);
            return new Run("_bulk", cards, seconds, seconds, names);
        }
    }

    /** Fills a fresh index with the indexer, and returns once every card is written. */
    public Run indexer() throws Exception {
        CardIndexNames names = nextIndex();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        IndexerConfig config = new IndexerConfig(KafkaConnection.open(bootstrapServers), topic, "benchmark-indexer-" + runs, elasticsearchUrl,
                names, BulkSettings.DEFAULT, java.util.Optional.empty());
        try (IndexerService indexer = new IndexerService(config, registry)) {
            long started = System.nanoTime();
            indexer.start();
            long firstHandedOver = 0;
            long deadline = started + GIVE_UP_AFTER.toNanos();
            while (changesDone(registry) < cards) {
                if (firstHandedOver == 0 && (unacknowledged(registry) > 0 || changesDone(registry) > 0)) {
                    firstHandedOver = System.nanoTime();
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the indexer wrote " + changesDone(registry) + " of "
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

    /** Both loads must end with every card in the index; a fast load that lost cards proves nothing. */
    private void requireCount(ElasticsearchClient client, CardIndexNames names) throws IOException {
        client.indices().refresh(r -> r.index(names.alias()));
        long count = client.count(c -> c.index(names.alias()).query(CardsOnly.all())).count();
        if (count != cards) {
            throw new IllegalStateException(names.alias() + " holds " + count + " cards, expected " + cards);
        }
    }
}
