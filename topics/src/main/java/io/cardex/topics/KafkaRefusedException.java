package io.cardex.topics;

import java.util.Optional;
import java.util.TreeSet;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/**
 * Kafka refused a cardex user: its login, or an operation its ACLs do not allow. The message is
 * one line naming the user, what was refused and what to do, for a log or a failed start.
 */
public final class KafkaRefusedException extends RuntimeException {

    private static final String GRANT = ": grant it in access.yaml and apply it (cardex access)";

    public KafkaRefusedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Kafka refused the user {@code doing} ("write", "create") on the topic of that name. */
    public static KafkaRefusedException onTopic(KafkaConnection kafka, String doing, String topic, Throwable cause) {
        return new KafkaRefusedException("Kafka refuses user " + kafka.user() + " to " + doing + " topic " + topic + GRANT,
                cause);
    }

    /** Kafka refused the user {@code doing} ("read", "describe") on the consumer group of that name. */
    public static KafkaRefusedException onGroup(KafkaConnection kafka, String doing, String group, Throwable cause) {
        return new KafkaRefusedException("Kafka refuses user " + kafka.user() + " to " + doing + " consumer group "
                + group + GRANT, cause);
    }

    /**
     * The refusal behind {@code failure}, found anywhere among its causes, if it is one.
     *
     * @param doing what the user tried on a topic, as a verb: "write", "read", "describe"
     */
    public static Optional<KafkaRefusedException> of(Throwable failure, KafkaConnection kafka, String doing) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof KafkaRefusedException refused) {
                return Optional.of(refused);
            }
            Optional<String> message = explain(cause, kafka, doing);
            if (message.isPresent()) {
                return Optional.of(new KafkaRefusedException(message.get(), cause));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> explain(Throwable cause, KafkaConnection kafka, String doing) {
        String user = "user " + kafka.user();
        if (cause instanceof SaslAuthenticationException) {
            return Optional.of("Kafka at " + kafka.bootstrapServers() + " refuses the login of " + user
                    + ": check its password (CARDEX_KAFKA_PASSWORD) and that access.yaml was applied "
                    + "(cardex access)");
        }
        if (cause instanceof TopicAuthorizationException topics) {
            String names = topics.unauthorizedTopics().isEmpty() ? "a topic" : "topic " + String.join(", ",
                    new TreeSet<>(topics.unauthorizedTopics()));
            return Optional.of("Kafka refuses " + user + " to " + doing + " " + names + GRANT);
        }
        if (cause instanceof GroupAuthorizationException group) {
            return Optional.of("Kafka refuses " + user + " to use "
                    + (group.groupId() == null ? "a consumer group" : "consumer group " + group.groupId()) + GRANT);
        }
        if (cause instanceof ClusterAuthorizationException) {
            return Optional.of("Kafka refuses " + user + " an operation on the cluster while trying to " + doing
                    + GRANT);
        }
        return Optional.empty();
    }
}
