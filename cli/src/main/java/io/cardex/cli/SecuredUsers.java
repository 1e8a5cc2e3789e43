package io.cardex.cli;

import io.cardex.access.Access;
import io.cardex.access.DeploymentNames;
import io.cardex.access.ElasticsearchFileRealm;
import io.cardex.access.KafkaGrants;
import io.cardex.stack.KafkaSecurity;
import io.cardex.stack.StackConfig;
import io.cardex.stack.StartupFailure;
import io.cardex.topics.KafkaConnection;
import io.cardex.topics.KafkaLogin;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users of {@code up --secured}: Kafka's super user, and the Kafka and Elasticsearch users of
 * access.yaml, each service logging in as its own, with the {@link StackPasswords} of the data
 * directory.
 */
final class SecuredUsers {

    private static final Logger log = LoggerFactory.getLogger(SecuredUsers.class);
    private static final String KAFKA_SUPER_USER = "admin";
    private static final String KAFKA_SUPER_USER_PASSWORD = "KAFKA_ADMIN_PASSWORD";

    private final Access access;
    private final StackPasswords passwords;

    private SecuredUsers(Access access, StackPasswords passwords) {
        this.access = access;
        this.passwords = passwords;
    }

    /**
     * The users of the stack in {@code dataDirectory}, with the passwords of its first secured start.
     *
     * @throws StartupFailure when the directory holds a Kafka first started open, whose storage has no super user
     */
    static SecuredUsers of(Path dataDirectory, DeploymentNames names) throws StartupFailure {
        if (!Files.exists(StackPasswords.file(dataDirectory))
                && Files.exists(dataDirectory.resolve("kafka/data/meta.properties"))) {
            // The super user's credential goes into Kafka's storage when it is formatted, on the first start.
            throw new StartupFailure("the Kafka of " + dataDirectory + " was first started without --secured, so it "
                    + "has no super user: choose another --data-dir for --secured");
        }
        Access access = Access.builtIn(names);
        List<String> variables = new ArrayList<>(List.of(KAFKA_SUPER_USER_PASSWORD));
        access.kafka().users().values().forEach(user -> variables.add(user.password()));
        access.elasticsearch().users().values().forEach(user -> variables.add(user.password()));
        return new SecuredUsers(access, StackPasswords.load(dataDirectory, variables));
    }

    /** The stack secured: Kafka with its super user, Elasticsearch with the users of access.yaml in its file realm. */
    StackConfig secure(StackConfig stack) {
        return stack.withKafkaSecurity(new KafkaSecurity(KAFKA_SUPER_USER, passwords.get(KAFKA_SUPER_USER_PASSWORD)))
                // The embedded Elasticsearch has no security index to keep users in: the file realm holds them.
                .withSecuredElasticsearch(ElasticsearchFileRealm.files(access.elasticsearch(), passwords.variables()));
    }

    /** Creates the Kafka users of access.yaml and grants them their ACLs, as the super user; again, it changes nothing. */
    void grant(KafkaConnection superUser) throws StartupFailure, InterruptedException {
        try {
            KafkaGrants.Changes changes = new KafkaGrants(access.kafka(), passwords::get).apply(superUser);
            if (!changes.none()) {
                log.info("Kafka users of access.yaml: credentials set for {}; {} ACLs added, {} removed; users "
                                + "dropped from it removed: {}", changes.credentialsSet(), changes.aclsAdded(),
                        changes.aclsRemoved(), changes.usersRemoved());
            }
        } catch (RuntimeException e) {
            throw new StartupFailure("cannot grant the Kafka users of access.yaml: " + e.getMessage(), e);
        }
    }

    /** How the service logging in as {@code user} of access.yaml's kafka: section reaches Kafka. */
    KafkaConnection kafkaAs(String user, String bootstrapServers) {
        return KafkaConnection.as(bootstrapServers,
                KafkaLogin.scram(user, passwords.get(access.kafka().users().get(user).password())));
    }

    /** Elasticsearch's URL with {@code user} of access.yaml's elasticsearch: section and its password as user-info. */
    URI elasticsearchAs(String user, URI elasticsearch) {
        String password = passwords.get(access.elasticsearch().users().get(user).password());
        return URI.create(elasticsearch.getScheme() + "://" + user + ":" + password + "@" + elasticsearch.getHost()
                + ":" + elasticsearch.getPort());
    }

    /** The variable access.yaml names for the password of {@code user} of its elasticsearch: section. */
    String elasticsearchPasswordVariable(String user) {
        return access.elasticsearch().users().get(user).password();
    }

    Path passwordFile() {
        return passwords.file();
    }
}
