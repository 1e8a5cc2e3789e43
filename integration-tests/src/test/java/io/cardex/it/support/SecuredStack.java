package io.cardex.it.support;

import io.cardex.access.Access;
import io.cardex.access.DeploymentNames;
import io.cardex.access.ElasticsearchFileRealm;
import io.cardex.access.PasswordVariables;
import io.cardex.cardindex.CardIndexNames;
import io.cardex.stack.EmbeddedStack;
import io.cardex.stack.Installation;
import io.cardex.stack.KafkaSecurity;
import io.cardex.stack.StackConfig;
import io.cardex.stack.StartupFailure;
import io.cardex.topics.KafkaConnection;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;

/**
 * A second stack secured as a deployment runs it, for the tests of what the users of access.yaml may
 * and may not do: Kafka with SASL/SCRAM, its authorizer on and nothing allowed without an ACL (its
 * super user grants the others theirs), and Elasticsearch over HTTPS with a CA the stack made and the
 * roles and users of access.yaml's elasticsearch: section in its file realm, for the card index
 * {@link #INDEX}. Started by the first test that asks, stopped when the test run ends
 * ({@link StackSessionListener}).
 */
public final class SecuredStack {

    /** The card index the roles of access.yaml are written for. */
    public static final CardIndexNames INDEX = new CardIndexNames("secured-cards");

    /** The password of each user of access.yaml's elasticsearch: section, by the variable access.yaml names. */
    private static final Map<String, String> PASSWORDS = Map.of(
            "CARDEX_ES_PASSWORD", "securedIndexer0001",
            "CARDEX_API_ES_PASSWORD", "securedApi00000001",
            "CARDEX_KIBANA_IMPORT_PASSWORD", "securedKibana00001");

    private static final String KAFKA_SUPER_USER = "admin";

    private static EmbeddedStack stack;
    private static Path dataDirectory;
    private static IllegalStateException startFailure;

    private SecuredStack() {
    }

    /** The running stack; a stack that failed to start fails every test that asks, with the same reason. */
    public static synchronized EmbeddedStack get() {
        if (startFailure != null) {
            throw startFailure;
        }
        if (stack == null) {
            dataDirectory = TempDirectories.create("cardex-it-secured-");
            try {
                Map<String, String> fileRealm = ElasticsearchFileRealm.files(Access.builtIn(
                        new DeploymentNames(INDEX.alias(), "unused", "unused.dead-letters", "unused")).elasticsearch(),
                        new PasswordVariables(PASSWORDS));
                EmbeddedStack started = new EmbeddedStack(StackConfig.onFreePorts(dataDirectory)
                        .withKafkaSecurity(new KafkaSecurity(KAFKA_SUPER_USER, randomPassword()))
                        .withSecuredElasticsearch(fileRealm), Installation.current());
                started.start();
                stack = started;
            } catch (StartupFailure e) {
                TempDirectories.delete(dataDirectory);
                startFailure = new IllegalStateException("the secured test stack did not start: " + e.getMessage(), e);
                throw startFailure;
            }
        }
        return stack;
    }

    /** Kafka's super user, who grants the others their ACLs. */
    public static KafkaConnection kafkaSuperUser() {
        return get().kafkaSuperUser();
    }

    /** A password of letters and digits, new for each run: no test depends on a password written down. */
    public static String randomPassword() {
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(letters.charAt(random.nextInt(letters.length())));
        }
        return password.toString();
    }

    /** The stack's Elasticsearch URL with a user of access.yaml and its password in the user-info. */
    public static URI userUrl(String user) {
        String variable = Access.builtIn(new DeploymentNames(INDEX.alias(), "t", "t.dead-letters", "g")).elasticsearch()
                .users().get(user).password();
        return userUrl(user, PASSWORDS.get(variable));
    }

    /** The stack's Elasticsearch URL with this user and password in the user-info. */
    public static URI userUrl(String user, String password) {
        URI url = get().elasticsearchUrl();
        return URI.create("https://" + user + ":" + password + "@" + url.getHost() + ":" + url.getPort());
    }

    static synchronized void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
            TempDirectories.delete(dataDirectory);
        }
    }
}
