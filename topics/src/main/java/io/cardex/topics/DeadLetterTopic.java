package io.cardex.topics;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topic the changes an indexer cannot write go to, with the reason: one per card-changes
 * topic, named after it. The indexer creates it, split and replicated as the card-changes topic,
 * so that it is as safe as the changes it keeps.
 */
public final class DeadLetterTopic {

    /** Long enough for someone to notice and look, short enough not to keep garbage forever. */
    private static final long RETENTION_MS = TimeUnit.DAYS.toMillis(30);

    private DeadLetterTopic() {
    }

    /** The dead-letter topic of a card-changes topic: its name + {@code .dead-letters}. */
    public static String of(String cardChangeTopic) {
        return cardChangeTopic + ".dead-letters";
    }

    /**
     * Creates the topic when it is missing and returns once producers can write to it.
     *
     * @throws IllegalStateException when Kafka cannot be reached or refuses the topic, saying which
     */
    public static void ensureExists(KafkaConnection kafka, String name, int partitions, short replicationFactor)
            throws InterruptedException {
        TopicSetup.ensureExists(kafka, new NewTopic(name, partitions, replicationFactor)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(RETENTION_MS),
                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                        String.valueOf(TopicSetup.minInSyncReplicas(replicationFactor)))), "dead-letter topic");
    }
}
