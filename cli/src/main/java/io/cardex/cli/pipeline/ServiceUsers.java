package io.cardex.cli.pipeline;

import io.cardex.access.Access;
import io.cardex.access.DeploymentNames;
import io.cardex.access.ElasticsearchAccess;
import io.cardex.access.ElasticsearchAccessSetup;
import io.cardex.access.PasswordVariables;
import io.cardex.cardindex.ElasticsearchConnection;
import io.cardex.stack.EmbeddedStack;
import io.cardex.stack.StartupFailure;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * How the indexer and the API of the all-in-one pipeline reach the embedded Elasticsearch: as
 * themselves on an open node, or, on a secured one, as the users of access.yaml over HTTPS
 * trusting the stack's CA.
 *
 * @param indexer the URL the indexer connects with, its user and password in the user-info when secured
 * @param api     the URL the API connects with
 * @param ca      the CA certificate of a secured node; empty for an open one
 */
public record ServiceUsers(URI indexer, URI api, Optional<Path> ca) {

    private static final String INDEXER_USER = "cardex";
    private static final String API_USER = "cardex_api";

    /** Both services as anonymous clients of an open Elasticsearch. */
    public static ServiceUsers open(EmbeddedStack stack) {
        return new ServiceUsers(stack.elasticsearchUrl(), stack.elasticsearchUrl(), Optional.empty());
    }

    /**
     * Sets up the roles and users of the built-in access.yaml on the stack's secured Elasticsearch,
     * with passwords made for this run (the users are set anew at every start), and returns the
     * services' URLs as those users.
     */
    public static ServiceUsers secured(EmbeddedStack stack, DeploymentNames names) throws StartupFailure {
        ElasticsearchAccess access = Access.builtIn(names).elasticsearch();
        Map<String, String> passwords = new HashMap<>();
        access.users().values().forEach(user -> passwords.put(user.password(), randomPassword()));
        access.reservedUsers().values().forEach(user -> passwords.put(user.password(), randomPassword()));
        try (ElasticsearchConnection superuser = new ElasticsearchConnection(stack.elasticsearchSuperuserUrl(),
                stack.elasticsearchCa())) {
            new ElasticsearchAccessSetup(superuser.client()).apply(access, new PasswordVariables(passwords));
        } catch (IOException | RuntimeException e) {
            throw new StartupFailure("cannot set up the users of access.yaml in the embedded Elasticsearch: "
                    + e.getMessage(), e);
        }
        return new ServiceUsers(as(stack, access, INDEXER_USER, passwords), as(stack, access, API_USER, passwords),
                stack.elasticsearchCa());
    }

    private static URI as(EmbeddedStack stack, ElasticsearchAccess access, String user, Map<String, String> passwords) {
        URI url = stack.elasticsearchUrl();
        String password = passwords.get(access.users().get(user).password());
        return URI.create(url.getScheme() + "://" + user + ":" + password + "@" + url.getHost() + ":" + url.getPort());
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** As a record would say, without the passwords. */
    @Override
    public String toString() {
        return "ServiceUsers[indexer=" + io.cardex.cardindex.UrlCredentials.redact(indexer)
                + ", api=" + io.cardex.cardindex.UrlCredentials.redact(api) + ", ca=" + ca + "]";
    }
}
