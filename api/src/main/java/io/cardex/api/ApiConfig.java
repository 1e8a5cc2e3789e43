package io.cardex.api;

import io.cardex.cardindex.CardIndexNames;
import io.cardex.cardindex.UrlCredentials;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the API is told at start-up.
 *
 * @param host        the address to listen on: 127.0.0.1 for this machine only, 0.0.0.0 for everyone
 * @param port        the port to listen on; 0 picks a free one
 * @param corsOrigins the web origins whose pages may call the API from a browser, such as
 *                    {@code https://hub.example.org}; {@code *} for every origin; empty for none (CORS off)
 * @param kafka       where the indexer's progress is read, for the indexing lag in {@code /stats};
 *                    empty when the API runs without Kafka
 * @param elasticsearchCa the PEM file of the CA that signed Elasticsearch's certificate; empty to trust the JVM's CAs
 */
public record ApiConfig(String host, int port, URI elasticsearchUrl, CardIndexNames index, List<String> corsOrigins,
                        Optional<KafkaSettings> kafka, Optional<Path> elasticsearchCa) {

    /** The port the API answers on unless told otherwise. */
    public static final int DEFAULT_PORT = 8080;
    /** {@code *}, or scheme, host (whose first label may be {@code *}) and port: no path, as browsers send it. */
    private static final Pattern ORIGIN = Pattern.compile("\\*|https?://(\\*\\.)?[A-Za-z0-9.-]+(:\\d{1,5})?");

    public ApiConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the API port (--port, or --api-port of a command running the whole "
                    + "pipeline) must be between 0 and 65535, not " + port);
        }
        Objects.requireNonNull(elasticsearchUrl, "elasticsearchUrl");
        Objects.requireNonNull(index, "index");
        corsOrigins = List.copyOf(corsOrigins);
        corsOrigins.forEach(ApiConfig::requireValidCorsOrigin);
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(elasticsearchCa, "elasticsearchCa");
    }

    /** An API trusting the JVM's certificate authorities, as for an {@code http} Elasticsearch. */
    public ApiConfig(String host, int port, URI elasticsearchUrl, CardIndexNames index, List<String> corsOrigins,
                     Optional<KafkaSettings> kafka) {
        this(host, port, elasticsearchUrl, index, corsOrigins, kafka, Optional.empty());
    }

    /** Checks an origin as browsers send it in the {@code Origin} header, or {@code *}. */
    public static String requireValidCorsOrigin(String origin) {
        if (origin == null || !ORIGIN.matcher(origin).matches()) {
            throw new IllegalArgumentException("CORS origin '" + origin + "' must be * or scheme://host[:port] "
                    + "without a path, such as https://hub.example.org");
        }
        return origin;
    }

    /** An API without CORS and without Kafka. */
    public ApiConfig(String host, int port, URI elasticsearchUrl, CardIndexNames index) {
        this(host, port, elasticsearchUrl, index, List.of(), Optional.empty());
    }

    public ApiConfig withCorsOrigins(List<String> origins) {
        return new ApiConfig(host, port, elasticsearchUrl, index, origins, kafka, elasticsearchCa);
    }

    public ApiConfig withKafka(KafkaSettings settings) {
        return new ApiConfig(host, port, elasticsearchUrl, index, corsOrigins, Optional.of(settings), elasticsearchCa);
    }

    public ApiConfig withElasticsearchCa(Optional<Path> caCertificate) {
        return new ApiConfig(host, port, elasticsearchUrl, index, corsOrigins, kafka, caCertificate);
    }

    /** As a record would say, with the password of the Elasticsearch URL hidden: configurations get logged. */
    @Override
    public String toString() {
        return "ApiConfig[host=" + host
                + ", port=" + port
                + ", elasticsearchUrl=" + UrlCredentials.redact(elasticsearchUrl)
                + ", index=" + index
                + ", corsOrigins=" + corsOrigins
                + ", kafka=" + kafka
                + ", elasticsearchCa=" + elasticsearchCa + "]";
    }
}
