package io.cardex.cli;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.cardex.access.Access;
import io.cardex.access.DeploymentNames;
import io.cardex.access.ElasticsearchAccessSetup;
import io.cardex.access.InvalidAccessFileException;
import io.cardex.access.KafkaGrants;
import io.cardex.access.PasswordVariables;
import io.cardex.access.UnusablePasswordException;
import io.cardex.cardindex.ElasticsearchConnection;
import io.cardex.cardindex.UrlCredentials;
import io.cardex.stack.StartupFailure;
import io.cardex.topics.CardChangeTopic;
import io.cardex.topics.DeadLetterTopic;
import io.cardex.topics.KafkaConnection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cardex access}: makes Elasticsearch's roles and users, and Kafka's users and ACLs, what access.yaml
 * says, each as that server's superuser.
 */
@Command(name = "access", sortOptions = false,
        description = {"Apply access.yaml (the built-in one, or --access-file) to each server whose superuser is "
                + "given; each user's password comes from the environment variable access.yaml names for it. "
                + "Safe to run again.",
                "Its elasticsearch: section (roles, users, the passwords of built-in users) when the Elasticsearch "
                        + "URL names a superuser: http(s)://elastic:PASSWORD@host:9200 in CARDEX_ELASTICSEARCH_URL.",
                "Its kafka: section (users, and exactly the ACLs the file allows each) when Kafka's super user is "
                        + "given: --kafka-user, its password in " + KafkaOptions.PASSWORD_VARIABLE + ".",
                "Exit status: 0 when the servers hold what the file says, 1 when something failed (the message says "
                        + "what), 2 on bad usage."})
final class AccessCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(AccessCommand.class);

    @Mixin
    ElasticsearchOptions elasticsearch;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--indexer-group-id", paramLabel = "GROUP", defaultValue = "${env:CARDEX_INDEXER_GROUP_ID:-"
            + CardChangeTopic.DEFAULT_INDEXER_GROUP + "}",
            description = "Consumer group of the indexers, for the ${indexer_group} of access.yaml "
                    + "(env CARDEX_INDEXER_GROUP_ID; default ${DEFAULT-VALUE}).")
    String indexerGroup;

    @Option(names = "--access-file", paramLabel = "FILE", defaultValue = "${env:CARDEX_ACCESS_FILE}",
            description = "A deployment's own copy of access.yaml (env CARDEX_ACCESS_FILE; default: the built-in one).")
    Path accessFile;

    @Override
    public Integer call() throws StartupFailure, InterruptedException {
        boolean toElasticsearch = UrlCredentials.of(elasticsearch.url).isPresent();
        KafkaConnection kafkaSuperUser = kafka.connection();
        boolean toKafka = kafkaSuperUser.login().isPresent();
        if (!toElasticsearch && !toKafka) {
            throw new StartupFailure("access applies access.yaml as each server's superuser, and none is given: "
                    + "Elasticsearch's in CARDEX_ELASTICSEARCH_URL (http(s)://elastic:PASSWORD@host:9200), "
                    + "Kafka's in CARDEX_KAFKA_USER and " + KafkaOptions.PASSWORD_VARIABLE);
        }
        DeploymentNames names = new DeploymentNames(elasticsearch.index.alias(), kafka.topic,
                DeadLetterTopic.of(kafka.topic), indexerGroup);
        Access access;
        try {
            access = accessFile == null ? Access.builtIn(names) : Access.read(accessFile, names);
        } catch (InvalidAccessFileException e) {
            throw new StartupFailure(e.getMessage(), e);
        }
        if (toElasticsearch) {
            applyElasticsearch(access);
        }
        if (toKafka) {
            applyKafka(access, kafkaSuperUser);
        }
        return 0;
    }

    private void applyElasticsearch(Access access) throws StartupFailure {
        try (ElasticsearchConnection connection = new ElasticsearchConnection(elasticsearch.url, elasticsearch.ca())) {
            ElasticsearchAccessSetup.Applied applied = new ElasticsearchAccessSetup(connection.client())
                    .apply(access.elasticsearch(), PasswordVariables.fromEnvironment());
            log.info("Elasticsearch at {}: roles {}, users {}; passwords of {} set", elasticsearch.redactedUrl(),
                    applied.roles(), applied.users(), applied.reservedUsers());
        } catch (IllegalArgumentException e) {
            throw new StartupFailure(e.getMessage(), e);
        } catch (ElasticsearchException e) {
            throw new StartupFailure("Elasticsearch at " + elasticsearch.redactedUrl() + " refused to set up access ("
                    + e.status() + ": " + e.error().reason() + "): give the URL of a superuser, such as elastic, in "
                    + "CARDEX_ELASTICSEARCH_URL", e);
        } catch (IOException e) {
            throw new StartupFailure("cannot reach Elasticsearch at " + elasticsearch.redactedUrl() + " ("
                    + e.getMessage() + "): check that it runs and that the URL is right", e);
        }
    }

    private void applyKafka(Access access, KafkaConnection superUser) throws StartupFailure, InterruptedException {
        KafkaGrants.Changes changes;
        try {
            changes = new KafkaGrants(access.kafka(), System::getenv).apply(superUser);
        } catch (UnusablePasswordException | IllegalStateException e) {
            throw new StartupFailure(e.getMessage(), e);
        }
        if (changes.none()) {
            log.info("Kafka at {} already holds the users and ACLs of access.yaml; nothing changed",
                    superUser.bootstrapServers());
        } else {
            log.info("Kafka at {}: credentials set for {}; {} ACLs added, {} removed; users dropped from access.yaml "
                            + "removed: {}", superUser.bootstrapServers(),
                    changes.credentialsSet().isEmpty() ? "no user" : String.join(", ", changes.credentialsSet()),
                    changes.aclsAdded(), changes.aclsRemoved(),
                    changes.usersRemoved().isEmpty() ? "none" : String.join(", ", changes.usersRemoved()));
        }
    }
}
