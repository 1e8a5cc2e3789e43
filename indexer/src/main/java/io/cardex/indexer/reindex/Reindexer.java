package io.cardex.indexer.reindex;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.cardex.cardindex.BulkFillSettings;
import io.cardex.cardindex.CardIndexVersions;
import io.cardex.card.event.UnreadableEventException;
import io.cardex.indexer.IndexerConfig;
import io.cardex.indexer.consume.RecordTranslator;
import io.cardex.indexer.index.CardIndex;
import io.cardex.cardindex.ElasticsearchConnection;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a new version of the card index from the compacted card-changes topic, then moves the
 * alias to it in one step, while the indexer keeps writing and searches keep working:
 * <ol>
 * <li>replay the topic from its start up to its end as of now into {@code cards-v(n+1)}, with
 * refresh and replicas off ({@link BulkFillSettings});</li>
 * <li>give it its live settings, refresh it, and move the alias from {@code cards-vn} to it;</li>
 * <li>replay what arrived meanwhile (the indexer wrote it to the old version) into it too.</li>
 * </ol>
 * Writes carry the same external versions as the indexer's, so the replays and the indexer can
 * overlap safely. The old version is kept, to be deleted by hand once the new one is trusted.
 */
public final class Reindexer {

    private static final Logger log = LoggerFactory.getLogger(Reindexer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);
    /**
     * Bulk requests under way at once. A reindex runs beside the live indexer: with one request at a
     * time it leaves Elasticsearch a write thread (it has one per core) for the pushes that keep
     * coming, where two at once took both threads of a two-core machine.
     */
    private static final int REQUESTS_AT_ONCE = 1;

    private final IndexerConfig config;
    private final RecordTranslator translator;

    public Reindexer(IndexerConfig config) {
        this.config = config;
        // The indexer's sweep checks the assets of the new version again when it verifies them.
        this.translator = new RecordTranslator(Clock.systemUTC(), config.verification().isPresent());
    }

    /** What a reindex did. */
    public record Result(String oldIndex, String newIndex, long records, long unreadable, long refused) {
    }

    public Result run() throws IOException {
        try (ElasticsearchConnection elasticsearch = new ElasticsearchConnection(config.elasticsearchUrl(), config.elasticsearchCa());
             KafkaConsumer<String, byte[]> consumer = newConsumer()) {
            CardIndex index = new CardIndex(elasticsearch.client(), config.index());
            CardIndexVersions versions = new CardIndexVersions(elasticsearch.client(), config.index());
            versions.ensureExists();
            String oldIndex = versions.current();
            String newIndex = config.index().versionedIndex(config.index().versionOf(oldIndex) + 1);
            dropUnfinished(elasticsearch.client(), newIndex);
            versions.create(newIndex);
            BulkFillSettings fillSettings = new BulkFillSettings(elasticsearch.client());
            fillSettings.relax(newIndex);
            log.info("building {} from topic {} (the alias {} stays on {} meanwhile)", newIndex, config.topic(),
                    config.index().alias(), oldIndex);
            CardIndex target = index.writingTo(newIndex);
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Counts counts = new Counts();
            replay(consumer, target, consumer.endOffsets(partitions), counts);
            // Searches go to the new version only once it is complete and refreshed, with its live settings.
            fillSettings.restore(newIndex);
            versions.moveAlias(oldIndex, newIndex);
            log.info("alias {} now points at {}; catching up with what arrived meanwhile", config.index().alias(),
                    newIndex);
            replay(consumer, target, consumer.endOffsets(partitions), counts);
            log.info("reindexed {} records into {} ({} unreadable and {} refused, skipped: the dead-letter topic has "
                    + "them); {} is kept: delete it when you no longer need it", counts.records, newIndex,
                    counts.unreadable, counts.refused, oldIndex);
            return new Result(oldIndex, newIndex, counts.records, counts.unreadable, counts.refused);
        }
    }

    /**
     * Deletes the next version when it exists already: the alias never pointed at it, so it is what
     * a reindex stopped before its end left, incomplete and never refreshed.
     */
    private static void dropUnfinished(ElasticsearchClient client, String index) throws IOException {
        if (client.indices().exists(e -> e.index(index)).value()) {
            log.warn("deleting {}, left incomplete by a reindex that did not finish, to build it again", index);
            client.indices().delete(d -> d.index(index));
        }
    }

    private static final class Counts {
        long records;
        long unreadable;
        long refused;
    }

    /**
     * Writes every record up to {@code end} (per partition), in bulk requests as large as the
     * indexer's, {@link #REQUESTS_AT_ONCE} at a time, saying how far it got every few seconds;
     * returns once Elasticsearch acknowledged them all.
     */
    private void replay(KafkaConsumer<String, byte[]> consumer, CardIndex target, Map<TopicPartition, Long> end,
                        Counts counts) throws IOException {
        long total = end.entrySet().stream().mapToLong(e -> e.getValue() - consumer.position(e.getKey())).sum();
        long done = 0;
        long nextReport = System.nanoTime() + PROGRESS_INTERVAL.toNanos();
        try (ConcurrentWrites writes = new ConcurrentWrites(target, config.bulk().maxOperations(), REQUESTS_AT_ONCE)) {
            while (!reached(consumer, end)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    try {
                        writes.add(translator.translate(record));
                        counts.records++;
                        done++;
                    } catch (UnreadableEventException e) {
                        counts.unreadable++;
                    }
                }
                if (System.nanoTime() > nextReport) {
                    log.info("reindex: {} of {} records", done, total);
                    nextReport = System.nanoTime() + PROGRESS_INTERVAL.toNanos();
                }
            }
            counts.refused += writes.flush();
        }
        // The last poll may have read past the end and skipped those records: the next pass starts
        // at the end, or it would never write changes that arrived during this one.
        end.forEach((partition, offset) -> {
            if (consumer.position(partition) > offset) {
                consumer.seek(partition, offset);
            }
        });
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) throws IOException {
        List<PartitionInfo> infos = consumer.partitionsFor(config.topic());
        if (infos == null || infos.isEmpty()) {
            throw new IOException("topic " + config.topic() + " does not exist: ingest creates it on its first run");
        }
        return infos.stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Map<String, Object> settings = config.kafka().clientSettings(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, "cardex-reindex",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        return new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
