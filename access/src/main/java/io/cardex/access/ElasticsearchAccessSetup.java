package io.cardex.access;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.security.ApplicationPrivileges;
import co.elastic.clients.elasticsearch.security.IndicesPrivileges;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Creates or updates in Elasticsearch the roles and users of {@link ElasticsearchAccess} through its
 * security API, as a superuser, and sets the passwords of its built-in users: running it again sets
 * the same roles, and every password anew from its variable.
 */
public final class ElasticsearchAccessSetup {

    private final ElasticsearchClient superuser;

    /** @param superuser a client whose user may manage security, such as {@code elastic} */
    public ElasticsearchAccessSetup(ElasticsearchClient superuser) {
        this.superuser = superuser;
    }

    /** What was set up: the names of the roles, of the users, and of the built-in users whose password was set. */
    public record Applied(List<String> roles, List<String> users, List<String> reservedUsers) {
    }

    /**
     * Sets every role, then every user with its password. Every password is read before anything is
     * changed, so a missing one leaves Elasticsearch as it was.
     *
     * @throws IllegalArgumentException when a password is missing or an example, naming its variable
     * @throws co.elastic.clients.elasticsearch._types.ElasticsearchException when Elasticsearch refuses a role or user
     */
    public Applied apply(ElasticsearchAccess access, PasswordVariables passwords) throws IOException {
        Map<String, String> passwordOf = new LinkedHashMap<>();
        new TreeMap<>(access.users()).forEach((name, user) -> passwordOf.put(name, passwords.require(name, user.password())));
        Map<String, String> reservedPasswordOf = new LinkedHashMap<>();
        new TreeMap<>(access.reservedUsers()).forEach((name, user) ->
                reservedPasswordOf.put(name, passwords.require(name, user.password())));
        Map<String, ElasticsearchAccess.Role> roles = new TreeMap<>(access.roles());
        for (Map.Entry<String, ElasticsearchAccess.Role> role : roles.entrySet()) {
            putRole(role.getKey(), role.getValue());
        }
        for (Map.Entry<String, String> user : passwordOf.entrySet()) {
            superuser.security().putUser(request -> request
                    .username(user.getKey())
                    .password(user.getValue())
                    .roles(access.users().get(user.getKey()).roles()));
        }
        for (Map.Entry<String, String> user : reservedPasswordOf.entrySet()) {
            superuser.security().changePassword(request -> request.username(user.getKey()).password(user.getValue()));
        }
        return new Applied(List.copyOf(roles.keySet()), List.copyOf(passwordOf.keySet()),
                List.copyOf(reservedPasswordOf.keySet()));
    }

    private void putRole(String name, ElasticsearchAccess.Role role) throws IOException {
        superuser.security().putRole(request -> request
                .name(name)
                .cluster(role.cluster())
                .indices(role.indices().stream()
                        .map(grant -> IndicesPrivileges.of(i -> i.names(grant.names()).privileges(grant.privileges())))
                        .toList())
                .applications(role.applications().stream()
                        .map(grant -> ApplicationPrivileges.of(a -> a.application(grant.application())
                                .privileges(grant.privileges()).resources(grant.resources())))
                        .toList()));
    }
}
