package io.cardex.indexer;

import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import io.cardex.cardindex.CardIndexVersions;
import io.cardex.cardindex.ElasticsearchAccessFailure;
import io.cardex.cardindex.ElasticsearchConnection;
import io.cardex.cardindex.RequiredPrivileges;
import io.cardex.indexer.consume.CaughtUpRefresh;
import io.cardex.indexer.consume.IndexingLoop;
import io.cardex.indexer.consume.IndexingMetrics;
import io.cardex.indexer.consume.OffsetTracker;
import io.cardex.indexer.consume.PendingWrite;
import io.cardex.indexer.consume.RecordTranslator;
import io.cardex.indexer.consume.WordsBacklog;
import io.cardex.indexer.consume.WriteResults;
import io.cardex.indexer.deadletter.DeadLetters;
import io.cardex.indexer.fill.FirstFill;
import io.cardex.indexer.index.CardIndex;
import io.cardex.indexer.index.IndexAction;
import io.cardex.indexer.meaning.MeaningStage;
import io.cardex.embedding.TextEmbedder;
import io.cardex.indexer.verify.AssetChecking;
import io.cardex.service.http.Health;
import io.cardex.service.retry.Backoff;
import io.cardex.topics.CardChangeTopic;
import io.cardex.topics.DeadLetterTopic;
import io.cardex.topics.KafkaAccessCheck;
import io.cardex.topics.KafkaRefusedException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The indexer service: consumes card changes and writes them to the card index, loss-free (a
 * change's offset is committed only once Elasticsearch acknowledged it, or Kafka its dead letter)
 * and idempotent (every write carries the change's version). This class wires the parts together
 * and runs them on a thread of their own: the waits for index and topic, then the
 * {@link IndexingLoop}; asset checks, when configured, and the vectors of the cards' meaning
 * ({@link MeaningStage}) run beside it.
 */
public final class IndexerService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IndexerService.class);
    /** The pause before failed writes are read again: 1 s, doubled while they go on failing, at most 30 s. */
    private static final Duration FIRST_READ_AGAIN = Duration.ofSeconds(1);
    private static final Duration LONGEST_READ_AGAIN = Duration.ofSeconds(30);
    /**
     * What the indexer does in Elasticsearch: install the index template, create the versions of the
     * card index behind its alias, write and read cards there.
     */
    private static final List<String> CLUSTER_PRIVILEGES = List.of("manage_index_templates");
    private static final List<String> INDEX_PRIVILEGES = List.of("create_index", "manage", "read", "write",
            "view_index_metadata");

    private final IndexerConfig config;
    private final ElasticsearchConnection elasticsearch;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaClientMetrics consumerMetrics;
    private final DeadLetters deadLetters;
    private final Optional<AssetChecking> assetChecking;
    private final MeaningStage meaning;
    private final CaughtUpRefresh refresh;
    private final IndexingLoop loop;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Optional<String> refusal = Optional.empty();

    public IndexerService(IndexerConfig config, MeterRegistry registry) {
        this.config = config;
        this.elasticsearch = new ElasticsearchConnection(config.elasticsearchUrl(), config.elasticsearchCa());
        CardIndex index = new CardIndex(elasticsearch.client(), config.index());
        this.consumer = new KafkaConsumer<>(config.kafka().clientSettings(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, config.groupId(),
                ConsumerConfig.CLIENT_ID_CONFIG, "cardex-indexer",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int) CardChangeTopic.PARTITIONS_NOTICED_WITHIN.toMillis(),
                // A consumer must never create the topic: it would lack log compaction.
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false)),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.consumerMetrics = new KafkaClientMetrics(consumer);
        consumerMetrics.bindTo(registry);
        this.assetChecking = config.verification()
                .map(verification -> new AssetChecking(verification, index, Clock.systemUTC(), registry));
        this.deadLetters = new DeadLetters(config.kafka(), DeadLetterTopic.of(config.topic()),
                Clock.systemUTC());
        OffsetTracker tracker = new OffsetTracker();
        IndexingMetrics metrics = new IndexingMetrics(registry, tracker);
        Consumer<IndexAction.Put> checkAssets = assetChecking.<Consumer<IndexAction.Put>>map(c -> c::check)
                .orElse(put -> { });
        WordsBacklog backlog = new WordsBacklog();
        this.meaning = MeaningStage.of(TextEmbedder::new, elasticsearch.client(), config.index(), index,
                backlog::pending, registry);
        FirstFill firstFill = new FirstFill(elasticsearch.client(), new CardIndexVersions(elasticsearch.client(),
                config.index()));
        this.refresh = new CaughtUpRefresh(index, firstFill::fillingInBulk);
        WriteResults results = new WriteResults(tracker, deadLetters, checkAssets.andThen(meaning::offer), metrics,
                refresh);
        BulkIngester<PendingWrite> writer = index.bulkWriter(config.bulk(), results);
        RecordTranslator translator = new RecordTranslator(Clock.systemUTC(), config.verification().isPresent());
        this.loop = new IndexingLoop(consumer, config.topic(), translator, writer, tracker, results, metrics,
                config.bulk().maxUnacknowledged(), new Backoff(FIRST_READ_AGAIN, LONGEST_READ_AGAIN),
                firstFill,
                backlog);
        this.thread = new Thread(this::run, "cardex-indexer");
    }

    public void start() {
        thread.start();
    }

    private void run() {
        try {
            prepare();
        } catch (WakeupException | InterruptedException stopping) {
            loop.stop();
        } catch (ElasticsearchAccessFailure e) {
            // Expected of a deployment's set-up, and trying again will not help: one line, no trace.
            refusal = Optional.of(e.getMessage());
            log.error("the indexer cannot start: {}", e.getMessage());
            loop.stop();
        } catch (RuntimeException | Error e) {
            Optional<KafkaRefusedException> refused = KafkaRefusedException.of(e, config.kafka(), "read");
            if (refused.isPresent()) {
                log.error("the indexer cannot start: {}", refused.get().getMessage());
            } else {
                log.error("the indexer cannot start: {}", e.toString(), e);
            }
            loop.stop();
        }
        try {
            loop.run();
        } catch (RuntimeException | Error e) {
            Optional<KafkaRefusedException> refused = KafkaRefusedException.of(e, config.kafka(), "read");
            if (refused.isPresent()) {
                log.error("the indexer stopped: {}", refused.get().getMessage());
                return;
            }
            // A bug or a state Kafka's client cannot recover from: say so loudly; /health turns 503.
            log.error("the indexer stopped: {}", e.toString(), e);
        }
    }

    /** Waits for the index and the topic, then makes sure the dead-letter topic exists. */
    private void prepare() throws InterruptedException {
        StartupWaits waits = new StartupWaits(() -> running);
        waits.awaitIndex(elasticsearch, RequiredPrivileges.onCardIndex(config.index(), CLUSTER_PRIVILEGES, INDEX_PRIVILEGES),
                new CardIndexVersions(elasticsearch.client(), config.index()), config.index().alias());
        assetChecking.ifPresent(AssetChecking::startSweeping);
        meaning.start();
        waits.awaitTopic(consumer, config.topic());
        if (!running) {
            return;
        }
        List<PartitionInfo> cardTopic = consumer.partitionsFor(config.topic());
        // As safe as the card changes: the same replication as their topic.
        DeadLetterTopic.ensureExists(config.kafka(), DeadLetterTopic.of(config.topic()),
                cardTopic.size(), (short) cardTopic.get(0).replicas().length);
        if (config.kafka().login().isPresent()) {
            // A secured broker may refuse what the loop needs: said now, in one line, the indexer
            // stops rather than dead-letter every change or retry without end.
            KafkaAccessCheck.require(config.kafka(), List.of(KafkaAccessCheck.Need.readTopic(config.topic()),
                    KafkaAccessCheck.Need.consumeWithGroup(config.groupId()),
                    KafkaAccessCheck.Need.writeTopic(DeadLetterTopic.of(config.topic()))));
        }
    }

    /** Whether the indexer still consumes: false once closed, or when it stopped on an unexpected error. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /**
     * Why the indexer stopped at its start when Elasticsearch refused it (certificate, user, password
     * or privilege), in one line; empty otherwise.
     */
    public Optional<String> refusal() {
        return refusal;
    }

    /** What the indexer's {@code /health} answers: up while it consumes, failing once it stopped. */
    public Health health() {
        boolean up = isRunning();
        return new Health(up, refusal.map(why -> Map.<String, Object>of("status", "stopped", "reason", why))
                .orElse(Map.of("status", up ? "up" : "stopped")));
    }

    /** Waits until the indexer stopped, closed or on an unexpected error. */
    public void awaitStopped() throws InterruptedException {
        thread.join();
    }

    @Override
    public void close() {
        running = false;
        loop.stop();
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumerMetrics.close();
        deadLetters.close();
        assetChecking.ifPresent(AssetChecking::close);
        meaning.close();
        refresh.close();
        elasticsearch.close();
    }
}
