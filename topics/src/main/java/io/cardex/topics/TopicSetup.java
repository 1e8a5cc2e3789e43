package io.cardex.topics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates a topic when it is missing and returns once producers can write to it. */
final class TopicSetup {

    private static final Logger log = LoggerFactory.getLogger(TopicSetup.class);
    /** Long enough for a broker that is still starting, short enough to say soon that none answers. */
    private static final int SETUP_TIMEOUT_SECONDS = 30;
    private static final long LEADER_POLL_MILLIS = 50;

    private TopicSetup() {
    }

    /**
     * How many replicas must have a write before it is acknowledged ({@code acks=all}): all but
     * one, so that a write survives the loss of any one broker and one broker may be down for
     * maintenance without stopping writes; 1 with a single replica.
     */
    static int minInSyncReplicas(short replicationFactor) {
        return Math.max(1, replicationFactor - 1);
    }

    /**
     * Creates the topic as described unless it exists (an existing topic is left as it is).
     *
     * @param purpose what the topic holds, for the log and error messages ("card-changes topic")
     * @throws IllegalStateException when Kafka cannot be reached or refuses the topic, saying which
     * @throws KafkaRefusedException when Kafka refuses the user to create or describe the topic
     */
    static void ensureExists(KafkaConnection kafka, NewTopic topic, String purpose) throws InterruptedException {
        try (Admin admin = Admin.create(kafka.clientSettings(Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, "cardex-topic-setup",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(SETUP_TIMEOUT_SECONDS))))) {
            admin.createTopics(List.of(topic)).all().get(SETUP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            awaitLeaders(admin, topic.name());
            log.info("created the {} {} ({} partitions)", purpose, topic.name(), topic.numPartitions());
        } catch (TimeoutException e) {
            throw unreachable(kafka.bootstrapServers(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw unreachable(kafka.bootstrapServers(), e.getCause());
            }
            if (e.getCause() instanceof TopicAuthorizationException) {
                throw KafkaRefusedException.onTopic(kafka, "create", topic.name(), e.getCause());
            }
            KafkaRefusedException.of(e.getCause(), kafka, "create").ifPresent(refused -> {
                throw refused;
            });
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the " + purpose + " " + topic.name() + ": "
                        + e.getCause().getMessage(), e.getCause());
            }
        }
    }

    /**
     * Returns once every partition of a new topic has a leader. Sent earlier, the first records
     * meet "not the leader", and an idempotent producer with several requests in flight can then
     * spend minutes retrying the ones behind them out of order.
     */
    private static void awaitLeaders(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SETUP_TIMEOUT_SECONDS);
        while (true) {
            if (hasLeaders(admin, topic)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("partitions of " + topic + " have no leader after "
                        + SETUP_TIMEOUT_SECONDS + " s");
            }
            Thread.sleep(LEADER_POLL_MILLIS);
        }
    }

    /**
     * Whether every partition of the topic has a leader. A broker that has not heard of a topic
     * created a moment before answers "does not host this topic-partition": not yet, either.
     */
    private static boolean hasLeaders(Admin admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(SETUP_TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
            return description.partitions().stream().allMatch(partition -> partition.leader() != null);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw e;
        }
    }

    private static IllegalStateException unreachable(String bootstrapServers, Throwable cause) {
        return new IllegalStateException("Kafka at " + bootstrapServers + " cannot be reached: check that it runs "
                + "and that the bootstrap servers are right", cause);
    }
}
