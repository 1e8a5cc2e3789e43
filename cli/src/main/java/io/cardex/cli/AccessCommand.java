package io.cardex.cli;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.cardex.access.Access;
import io.cardex.access.DeploymentNames;
import io.cardex.access.ElasticsearchAccessSetup;
import io.cardex.access.InvalidAccessFileException;
import io.cardex.access.PasswordVariables;
import io.cardex.cardindex.ElasticsearchConnection;
import io.cardex.stack.StartupFailure;
import io.cardex.topics.CardChangeTopic;
import io.cardex.topics.DeadLetterTopic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cardex access}: creates or updates the users and roles of access.yaml in Elasticsearch. */
@Command(name = "access", sortOptions = false,
        description = {"Create or update in Elasticsearch the roles and users of access.yaml (the built-in one, or "
                + "--access-file), and set the passwords of its built-in users, as a superuser: give its URL, "
                + "http(s)://elastic:PASSWORD@host:9200, in CARDEX_ELASTICSEARCH_URL. Each user's password comes "
                + "from the environment variable access.yaml names for it. Safe to run again.",
                "Exit status: 0 when everything is set up, 1 when something failed (the message says what), 2 on bad usage."})
final class AccessCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(AccessCommand.class);

    @Mixin
    ElasticsearchOptions elasticsearch;

    @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = "${env:CARDEX_TOPIC:-" + CardChangeTopic.DEFAULT_NAME + "}",
            description = "Topic of card changes, for the ${topic} of access.yaml (env CARDEX_TOPIC; default ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--group-id", paramLabel = "GROUP", defaultValue = "${env:CARDEX_INDEXER_GROUP_ID:-"
            + CardChangeTopic.DEFAULT_INDEXER_GROUP + "}",
            description = "Consumer group of the indexers, for the ${indexer_group} of access.yaml "
                    + "(env CARDEX_INDEXER_GROUP_ID; default ${DEFAULT-VALUE}).")
    String indexerGroup;

    @Option(names = "--access-file", paramLabel = "FILE", defaultValue = "${env:CARDEX_ACCESS_FILE}",
            description = "A deployment's own copy of access.yaml (env CARDEX_ACCESS_FILE; default: the built-in one).")
    Path accessFile;

    @Override
    public Integer call() throws StartupFailure {
        DeploymentNames names = new DeploymentNames(elasticsearch.index.alias(), topic, DeadLetterTopic.of(topic),
                indexerGroup);
        Access access;
        try {
            access = accessFile == null ? Access.builtIn(names) : Access.read(accessFile, names);
        } catch (InvalidAccessFileException e) {
            throw new StartupFailure(e.getMessage(), e);
        }
        try (ElasticsearchConnection connection = new ElasticsearchConnection(elasticsearch.url, elasticsearch.ca())) {
            ElasticsearchAccessSetup.Applied applied = new ElasticsearchAccessSetup(connection.client())
                    .apply(access.elasticsearch(), PasswordVariables.fromEnvironment());
            log.info("Elasticsearch at {}: roles {}, users {}; passwords of {} set", elasticsearch.redactedUrl(),
                    applied.roles(), applied.users(), applied.reservedUsers());
            return 0;
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
}
