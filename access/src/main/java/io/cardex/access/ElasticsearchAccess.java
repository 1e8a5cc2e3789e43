package io.cardex.access;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Elasticsearch's side of {@link Access}: roles by name, and users by name with their roles. */
public record ElasticsearchAccess(Map<String, Role> roles, Map<String, User> users) {

    public ElasticsearchAccess {
        roles = Map.copyOf(Objects.requireNonNullElse(roles, Map.of()));
        users = Map.copyOf(Objects.requireNonNullElse(users, Map.of()));
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
