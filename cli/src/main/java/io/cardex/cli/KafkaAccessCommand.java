package io.cardex.cli;

import io.cardex.access.Access;
import io.cardex.access.DeploymentNames;
import io.cardex.access.InvalidAccessFileException;
import io.cardex.access.KafkaGrants;
import io.cardex.access.UnusablePasswordException;
import io.cardex.cardindex.CardIndexNames;
import io.cardex.stack.StartupFailure;
import io.cardex.topics.CardChangeTopic;
import io.cardex.topics.DeadLetterTopic;
import io.cardex.topics.KafkaConnection;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cardex kafka-access}: makes Kafka's users and ACLs what access.yaml says, as Kafka's super user. */
@Command(name = "kafka-access", sortOptions = false,
        description = {"Create the Kafka users of access.yaml (each password from the environment variable the file "
                + "names) and grant each exactly the ACLs the file allows it, logged in as Kafka's super user "
                + "(--kafka-user, its password in CARDEX_KAFKA_PASSWORD). Running it again changes nothing.",
                "Exit status: 0 when Kafka holds what the file says, 1 when something failed (the message says what), "
                        + "2 on bad usage."})
final class KafkaAccessCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--indexer-group-id", paramLabel = "GROUP", defaultValue = "${env:CARDEX_INDEXER_GROUP_ID:-"
            + CardChangeTopic.DEFAULT_INDEXER_GROUP + "}",
            description = "Consumer group of the indexers, which access.yaml grants its reads "
                    + "(env CARDEX_INDEXER_GROUP_ID; default ${DEFAULT-VALUE}).")
    String indexerGroupId;

    @Option(names = "--access-file", paramLabel = "FILE", defaultValue = "${env:CARDEX_ACCESS_FILE}",
            description = "A copy of access.yaml a deployment changed (env CARDEX_ACCESS_FILE; default: the access.yaml "
                    + "cardex is built with).")
    Path accessFile;

    @Override
    public Integer call() throws StartupFailure, InterruptedException {
        KafkaConnection superUser = kafka.connection();
        if (superUser.login().isEmpty()) {
            throw new StartupFailure("kafka-access grants as Kafka's super user: set CARDEX_KAFKA_USER to it and its "
                    + "password in " + KafkaOptions.PASSWORD_VARIABLE);
        }
        // The kafka: section names no index; the names of the deployment's topics and group are what count.
        DeploymentNames names = new DeploymentNames(CardIndexNames.DEFAULT_ALIAS, kafka.topic,
                DeadLetterTopic.of(kafka.topic), indexerGroupId);
        KafkaGrants.Changes changes;
        try {
            Access access = accessFile == null ? Access.builtIn(names) : Access.read(accessFile, names);
            changes = new KafkaGrants(access.kafka(), System::getenv).apply(superUser);
        } catch (InvalidAccessFileException | UnusablePasswordException | IllegalStateException e) {
            throw new StartupFailure(e.getMessage(), e);
        }
        if (changes.none()) {
            System.out.println("kafka-access: Kafka already holds the users and ACLs of access.yaml; nothing changed");
        } else {
            System.out.printf("kafka-access: credentials set for %s; %d ACLs added, %d removed%n",
                    changes.credentialsSet().isEmpty() ? "no user" : String.join(", ", changes.credentialsSet()),
                    changes.aclsAdded(), changes.aclsRemoved());
        }
        return 0;
    }
}
