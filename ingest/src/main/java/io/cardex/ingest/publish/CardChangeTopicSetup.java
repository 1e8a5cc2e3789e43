package io.cardex.ingest.publish;

import io.cardex.topics.TopicSetup;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates the card-changes topic when it is missing. The topic is log compacted: it always
 * holds the latest state of every card, so the index can be rebuilt from it.
 */
public final class CardChangeTopicSetup {

    private CardChangeTopicSetup() {
    }

    public static void ensureExists(String bootstrapServers, String topic, int partitions, short replicationFactor)
            throws InterruptedException {
        TopicSetup.ensureExists(bootstrapServers, new NewTopic(topic, partitions, replicationFactor).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.COMPRESSION_TYPE_CONFIG, "producer",
                // Deleted cards must stay visible long enough for a lagging indexer to see them.
                TopicConfig.DELETE_RETENTION_MS_CONFIG, String.valueOf(TimeUnit.DAYS.toMillis(7)))),
                "card-changes topic");
    }
}
