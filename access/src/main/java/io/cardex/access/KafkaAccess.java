package io.cardex.access;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Kafka's side of {@link Access}: SASL/SCRAM users by name, each with what it is allowed; anything
 * not allowed is refused by the broker's authorizer.
 */
public record KafkaAccess(Map<String, User> users) {

    public KafkaAccess {
        users = Map.copyOf(Objects.requireNonNullElse(users, Map.of()));
    }

    /** A user: {@code password} names the environment variable holding the password. */
    public record User(String password, List<Permission> allow) {

        public User {
            Objects.requireNonNull(password, "password");
            allow = List.copyOf(Objects.requireNonNullElse(allow, List.of()));
        }
    }

    /**
     * Operations allowed on one resource: a topic or a group of that exact name, or the cluster
     * (no name). Operations are Kafka's ACL operations in lower case ({@code idempotent_write}).
     */
    public record Permission(ResourceKind resource, String name, List<String> operations) {

        public Permission {
            Objects.requireNonNull(resource, "resource");
            operations = List.copyOf(operations);
            if ((resource == ResourceKind.CLUSTER) != (name == null)) {
                throw new IllegalArgumentException(resource == ResourceKind.CLUSTER
                        ? "a cluster permission has no name: remove it"
                        : "a " + resource.name().toLowerCase(java.util.Locale.ROOT) + " permission needs the name of its "
                                + resource.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    /** What a permission is on. */
    public enum ResourceKind {
        TOPIC, GROUP, CLUSTER
    }
}
