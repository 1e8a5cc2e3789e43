package io.cardex.topics;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Asks Kafka at start whether a service's user may do what the service needs, so that a wrong
 * password or a missing ACL stops the start with one line saying which, instead of a service that
 * retries or dead-letters without end. What cannot be asked yet (a topic not created yet) is left
 * to the service, whose clients meet the same refusal then.
 */
public final class KafkaAccessCheck {

    private static final int TIMEOUT_SECONDS = 30;

    private KafkaAccessCheck() {
    }

    /** One thing a service needs: an operation on a topic or a consumer group. */
    public record Need(boolean topic, String name, AclOperation operation) {

        public Need {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(operation, "operation");
        }

        public static Need writeTopic(String name) {
            return new Need(true, name, AclOperation.WRITE);
        }

        public static Need readTopic(String name) {
            return new Need(true, name, AclOperation.READ);
        }

        public static Need describeTopic(String name) {
            return new Need(true, name, AclOperation.DESCRIBE);
        }

        /** Consuming with a group: joining it and committing its offsets. */
        public static Need consumeWithGroup(String name) {
            return new Need(false, name, AclOperation.READ);
        }

        /** Reading a group's committed offsets. */
        public static Need describeGroup(String name) {
            return new Need(false, name, AclOperation.DESCRIBE);
        }

        /** As a refusal says it: "write" a topic, "use" a group one consumes with. */
        private String verb() {
            return !topic && operation == AclOperation.READ ? "use" : operation.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Returns when Kafka lets the connection's user do each of {@code needs} (or cannot say yet).
     *
     * @throws KafkaRefusedException naming the user and the first need refused
     * @throws IllegalStateException when Kafka does not answer
     */
    public static void require(KafkaConnection kafka, List<Need> needs) throws InterruptedException {
        try (Admin admin = Admin.create(kafka.clientSettings(Map.of(
                AdminClientConfig.CLIENT_ID_CONFIG, "cardex-access-check",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS))))) {
            try {
                admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw refusedOr(e, kafka, "connect");
            }
            for (Need need : needs) {
                Set<AclOperation> allowed = need.topic() ? topicOperations(admin, kafka, need)
                        : groupOperations(admin, kafka, need);
                if (allowed != null && !allowed.contains(need.operation()) && !allowed.contains(AclOperation.ALL)) {
                    throw need.topic() ? KafkaRefusedException.onTopic(kafka, need.verb(), need.name(), null)
                            : KafkaRefusedException.onGroup(kafka, need.verb(), need.name(), null);
                }
            }
        } catch (TimeoutException e) {
            throw unreachable(kafka, e);
        }
    }

    /** What the user may do on the topic; null when the topic does not exist yet. */
    private static Set<AclOperation> topicOperations(Admin admin, KafkaConnection kafka, Need need)
            throws InterruptedException, TimeoutException {
        try {
            return admin.describeTopics(List.of(need.name()), new DescribeTopicsOptions().includeAuthorizedOperations(true))
                    .allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(need.name()).authorizedOperations();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw refusedOr(e, kafka, need.verb());
        }
    }

    /** What the user may do on the group; null when Kafka cannot say for a group not created yet. */
    private static Set<AclOperation> groupOperations(Admin admin, KafkaConnection kafka, Need need)
            throws InterruptedException, TimeoutException {
        try {
            return admin.describeConsumerGroups(List.of(need.name()),
                            new DescribeConsumerGroupsOptions().includeAuthorizedOperations(true))
                    .describedGroups().get(need.name()).get(TIMEOUT_SECONDS, TimeUnit.SECONDS).authorizedOperations();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return null;
            }
            throw refusedOr(e, kafka, need.verb());
        }
    }

    private static RuntimeException refusedOr(ExecutionException e, KafkaConnection kafka, String doing) {
        if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
            return unreachable(kafka, e.getCause());
        }
        return KafkaRefusedException.of(e.getCause(), kafka, doing).<RuntimeException>map(refused -> refused)
                .orElseGet(() -> new IllegalStateException("Kafka at " + kafka.bootstrapServers()
                        + " could not say what user " + kafka.user() + " may do: " + e.getCause().getMessage(),
                        e.getCause()));
    }

    private static IllegalStateException unreachable(KafkaConnection kafka, Throwable cause) {
        return new IllegalStateException("Kafka at " + kafka.bootstrapServers() + " does not answer within "
                + TIMEOUT_SECONDS + " s: check that it runs and that the bootstrap servers are right", cause);
    }
}
