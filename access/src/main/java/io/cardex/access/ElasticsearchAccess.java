package io.cardex.access;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Elasticsearch's side of {@link Access}: roles by name, users by name with their roles, and the
 * built-in users whose password is set (their roles are Elasticsearch's own), each with the
 * environment variable holding it.
 */
public record ElasticsearchAccess(Map<String, Role> roles, Map<String, User> users,
                                  @JsonProperty("reserved_users") Map<String, ReservedUser> reservedUsers) {

    public ElasticsearchAccess {
        roles = Map.copyOf(Objects.requireNonNullElse(roles, Map.of()));
        users = Map.copyOf(Objects.requireNonNullElse(users, Map.of()));
        reservedUsers = Map.copyOf(Objects.requireNonNullElse(reservedUsers, Map.of()));
    }

    /** A built-in user such as {@code kibana_system}: {@code password} names the environment variable holding it. */
    public record ReservedUser(String password) {

        public ReservedUser {
            Objects.requireNonNull(password, "password");
        }
    }

    /** A role, in the form of Elasticsearch's role API. */
    public record Role(List<String> cluster, List<IndexPrivileges> indices, List<ApplicationPrivileges> applications) {

        public Role {
            cluster = List.copyOf(Objects.requireNonNullElse(cluster, List.of()));
            indices = List.copyOf(Objects.requireNonNullElse(indices, List.of()));
            applications = List.copyOf(Objects.requireNonNullElse(applications, List.of()));
        }
    }

    /** Privileges on the indices whose names match one of {@code names} (wildcards allowed). */
    public record IndexPrivileges(List<String> names, List<String> privileges) {

        public IndexPrivileges {
            names = List.copyOf(names);
            privileges = List.copyOf(privileges);
        }
    }

    /** Privileges of an application built on Elasticsearch's security, Kibana's features here. */
    public record ApplicationPrivileges(String application, List<String> privileges, List<String> resources) {

        public ApplicationPrivileges {
            Objects.requireNonNull(application, "application");
            privileges = List.copyOf(privileges);
            resources = List.copyOf(resources);
        }
    }

    /** A user: {@code password} names the environment variable holding the password. */
    public record User(String password, List<String> roles) {

        public User {
            Objects.requireNonNull(password, "password");
            roles = List.copyOf(roles);
        }
    }
}
