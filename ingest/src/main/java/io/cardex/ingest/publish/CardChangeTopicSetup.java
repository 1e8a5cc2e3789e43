package io.cardex.ingest.publish;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the card-changes topic when it is missing. The topic is log compacted: it always
 * holds the latest state of every card, so the index can be rebuilt from it.
 */
public final class CardChangeTopicSetup {

    private static final Logger log = LoggerFactory.getLogger(CardChangeTopicSetup.class);
    /** Long enough for a broker that is still starting, short enough to say soon that none answers. */
    private static final int SETUP_TIMEOUT_SECONDS = 30;
    private static final long LEADER_POLL_MILLIS = 50;

    private CardChangeTopicSetup() {
    }

    public static void ensureExists(String bootstrapServers, String topic, int partitions, short replicationFactor)
            throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "cardex-ingest-setup",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(SETUP_TIMEOUT_SECONDS)))) {
            NewTopic newTopic = new NewTopic(topic, partitions, replicationFactor).configs(Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.COMPRESSION_TYPE_CONFIG, "producer",
                    // Deleted cards must stay visible long enough for a lagging indexer to see them.
                    TopicConfig.DELETE_RETENTION_MS_CONFIG, String.valueOf(TimeUnit.DAYS.toMillis(7))));
            admin.createTopics(List.of(newTopic)).all().get(SETUP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            awaitLeaders(admin, topic);
            log.info("created topic {} ({} partitions, compacted)", topic, partitions);
        } catch (TimeoutException e) {
            throw unreachable(bootstrapServers, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw unreachable(bootstrapServers, e.getCause());
            }
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create Kafka topic " + topic + ": " + e.getCause().getMessage(),
                        e.getCause());
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
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(SETUP_TIMEOUT_SECONDS, TimeUnit.SECONDS).get(topic);
            if (description.partitions().stream().allMatch(partition -> partition.leader() != null)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("partitions of " + topic + " have no leader after "
                        + SETUP_TIMEOUT_SECONDS + " s");
            }
            Thread.sleep(LEADER_POLL_MILLIS);
        }
    }

    private static IllegalStateException unreachable(String bootstrapServers, Throwable cause) {
        return new IllegalStateException("Kafka at " + bootstrapServers + " cannot be reached: check that it runs "
                + "and that the bootstrap servers are right", cause);
    }
}
