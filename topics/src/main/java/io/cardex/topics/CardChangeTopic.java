package io.cardex.topics;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topic card changes travel on from ingest to the indexers: its name, how it is split and
 * kept, and who reads it. It is log compacted, so it always holds the latest state of every
 * card and the index can be rebuilt from it. Ingest creates it; indexers only read it.
 */
public final class CardChangeTopic {

    /** The topic's name unless configured otherwise. */
    public static final String DEFAULT_NAME = "cardex.card-changes";
    /**
     * Partitions of a topic ingest creates unless told otherwise: indexers sharing a group share
     * them, so this is also how many indexers can work at once. Partitions may be added later
     * (docs/deployment.md says how): a card's version comes with its record, not from its offset.
     */
    public static final int DEFAULT_PARTITIONS = 3;
    /**
     * How soon ingest's producers and the indexers' consumers see partitions added to the topic
     * (their {@code metadata.max.age.ms}): Kafka's default, 5 minutes, left new indexers idle that
     * long. A metadata request this often costs nothing worth counting.
     */
    public static final Duration PARTITIONS_NOTICED_WITHIN = Duration.ofSeconds(10);
    /** The consumer group of the indexers writing one index, unless configured otherwise. */
    public static final String DEFAULT_INDEXER_GROUP = "cardex-indexer";
    /** Deleted cards stay visible this long, for a lagging indexer to see them. */
    private static final long DELETE_RETENTION_MS = TimeUnit.DAYS.toMillis(7);
    private static final long RECORD_HEADROOM_BYTES = 1L << 20;

    private CardChangeTopic() {
    }

    /**
     * Creates the topic, compacted, when it is missing, and returns once producers can write to
     * it; an existing topic is left as it is.
     *
     * @throws IllegalStateException when Kafka cannot be reached or refuses the topic, saying which
     */
    public static void ensureExists(KafkaConnection kafka, String name, int partitions, short replicationFactor,
                                    long maxCardBytes) throws InterruptedException {
        TopicSetup.ensureExists(kafka, new NewTopic(name, partitions, replicationFactor)
                .configs(configs(replicationFactor, maxCardBytes)), "card-changes topic");
    }

    /**
     * The largest record the topic takes, and ingest sends, for cards of at most
     * {@code maxCardBytes} per file: an event holds a card's text once, and a card has two files
     * at most (English and Chinese); the rest is room for the header's fields and JSON's escapes.
     */
    public static int maxRecordBytes(long maxCardBytes) {
        return (int) Math.min(Integer.MAX_VALUE, 2 * maxCardBytes + RECORD_HEADROOM_BYTES);
    }

    /**
     * Compacted, compressed as produced, deletions kept a week, as many in-sync replicas as it can
     * spare, and records as large as the largest card's event.
     */
    static Map<String, String> configs(short replicationFactor, long maxCardBytes) {
        return Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.COMPRESSION_TYPE_CONFIG, "producer",
                TopicConfig.DELETE_RETENTION_MS_CONFIG, String.valueOf(DELETE_RETENTION_MS),
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(TopicSetup.minInSyncReplicas(replicationFactor)),
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(maxRecordBytes(maxCardBytes)));
    }
}
