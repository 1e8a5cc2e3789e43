package io.cardex.cli.setup;

import io.cardex.cardindex.CardIndexVersions;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.cardex.cardindex.IndexShards;
import io.cardex.stack.StartupFailure;
import io.cardex.cardindex.CardIndexNames;
import io.cardex.cardindex.ElasticsearchConnection;
import io.cardex.cardindex.UrlCredentials;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares the card index before any indexer runs: installs the index template and, when the
 * alias does not exist yet, creates its first version with the shards asked for. Running it again
 * changes nothing but the template. An Elasticsearch that is still starting is waited for.
 */
public final class CardIndexSetup {

    private static final Logger log = LoggerFactory.getLogger(CardIndexSetup.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);

    /** The index version the alias points at, and how it is split. */
    public record Result(String index, IndexShards shards) {
    }

    private final URI elasticsearch;
    private final Optional<Path> caCertificate;
    private final CardIndexNames names;

    /** @param caCertificate the PEM file of the CA that signed Elasticsearch's certificate; empty to trust the JVM's */
    public CardIndexSetup(URI elasticsearch, Optional<Path> caCertificate, CardIndexNames names) {
        this.elasticsearch = elasticsearch;
        this.caCertificate = caCertificate;
        this.names = names;
    }

    public Result run(IndexShards shards, Duration wait) throws StartupFailure, InterruptedException {
        String where = UrlCredentials.redact(elasticsearch);
        long deadline = System.nanoTime() + wait.toNanos();
        boolean reported = false;
        try (ElasticsearchConnection connection = new ElasticsearchConnection(elasticsearch, caCertificate)) {
            CardIndexVersions versions = new CardIndexVersions(connection.client(), names);
            while (true) {
                String notReady;
                try {
                    versions.ensureExists(shards);
                    String current = versions.current();
                    return new Result(current, versions.shardsOf(current));
                } catch (ElasticsearchException e) {
                    if (e.status() == 401) {
                        throw new StartupFailure("Elasticsearch at " + where + " refused the user and password of its URL "
                                + "(401)", e);
                    }
                    if (e.status() == 403) {
                        throw new StartupFailure("Elasticsearch at " + where + " does not let that user set up the index "
                                + "(403: " + e.error().reason() + "); it needs manage_index_templates, and manage on "
                                + names.alias() + "*", e);
                    }
                    if (e.status() < 500) {
                        throw new StartupFailure("Elasticsearch at " + where + " refused to set up index " + names.alias()
                                + ": " + e.getMessage(), e);
                    }
                    notReady = e.getMessage();
                } catch (IOException e) {
                    notReady = String.valueOf(e.getMessage());
                }
                if (System.nanoTime() > deadline) {
                    throw new StartupFailure("Elasticsearch at " + where + " is not ready after " + wait.toSeconds()
                            + " s (" + notReady + "): check that it runs, or wait longer with --wait");
                }
                if (!reported) {
                    log.info("waiting for Elasticsearch at {} ({})", where, notReady);
                    reported = true;
                }
                Thread.sleep(RETRY_PAUSE.toMillis());
            }
        }
    }
}
