package io.cardex.cli;

import io.cardex.cardindex.CardIndexNames;
import io.cardex.cardindex.UrlCredentials;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options of every command that works with an Elasticsearch running elsewhere. */
final class ElasticsearchOptions {

    @Option(names = {"--elasticsearch-url", "--elasticsearch"}, paramLabel = "URL", converter = HttpUrlConverter.class,
            defaultValue = "${env:CARDEX_ELASTICSEARCH_URL:-http://127.0.0.1:9200}",
            description = "Elasticsearch holding the card index; a user and password go in the URL "
                    + "(http://user:password@host:9200), best through the environment variable, which the process list "
                    + "does not show (env CARDEX_ELASTICSEARCH_URL; default ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--elasticsearch-ca", paramLabel = "FILE",
            defaultValue = "${env:CARDEX_ELASTICSEARCH_CA}",
            description = "PEM file of the certificate authority that signed the certificate of an https Elasticsearch; "
                    + "the only one trusted then (env CARDEX_ELASTICSEARCH_CA; default: the JVM's authorities).")
    Path ca;

    @Option(names = "--index", paramLabel = "ALIAS", converter = IndexAliasConverter.class,
            defaultValue = "${env:CARDEX_INDEX:-" + CardIndexNames.DEFAULT_ALIAS + "}",
            description = "Alias of the card index; its versions are ALIAS-v1, ALIAS-v2, ... "
                    + "(env CARDEX_INDEX; default ${DEFAULT-VALUE}).")
    CardIndexNames index;

    /** The CA to trust for Elasticsearch's certificate, when one is given. */
    Optional<Path> ca() {
        return Optional.ofNullable(ca);
    }

    /** The URL as it may be logged and shown, without the password. */
    String redactedUrl() {
        return UrlCredentials.redact(url);
    }
}
