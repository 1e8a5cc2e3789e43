package io.cardex.cli;

import io.cardex.service.http.ServiceServer;
import io.cardex.api.ApiConfig;
import io.cardex.ingest.IngestConfig;
import io.cardex.stack.StackConfig;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of every command that runs the embedded stack. Each can also be set by environment variable. */
final class StackOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:CARDEX_DATA_DIR}",
            description = "Where Kafka, Elasticsearch and cardex keep their data (env CARDEX_DATA_DIR; "
                    + "default ~/.cardex/<command>, or /var/lib/cardex/<command> as root).")
    Path dataDirectory;

    @Option(names = "--api-port", paramLabel = "PORT", defaultValue = "${env:CARDEX_API_PORT:-" + ApiConfig.DEFAULT_PORT + "}",
            description = "Port of the search API (env CARDEX_API_PORT; default ${DEFAULT-VALUE}).")
    int apiPort;

    @Option(names = "--api-host", paramLabel = "ADDRESS", defaultValue = "${env:CARDEX_API_HOST:-" + ServiceServer.DEFAULT_HOST + "}",
            description = "Address the search API listens on; 0.0.0.0 for every interface "
                    + "(env CARDEX_API_HOST; default ${DEFAULT-VALUE}).")
    String apiHost;

    @Mixin
    CorsOptions cors;

    @Option(names = "--ingest-port", paramLabel = "PORT", defaultValue = "${env:CARDEX_INGEST_PORT:-" + IngestConfig.DEFAULT_PORT + "}",
            description = "Port of ingest's webhooks, health and metrics, on the API's address "
                    + "(env CARDEX_INGEST_PORT; default ${DEFAULT-VALUE}).")
    int ingestPort;

    @Option(names = "--es-port", paramLabel = "PORT", defaultValue = "${env:CARDEX_ES_PORT:-9200}",
            description = "Port of the embedded Elasticsearch, on 127.0.0.1 (env CARDEX_ES_PORT; default ${DEFAULT-VALUE}).")
    int elasticsearchPort;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "${env:CARDEX_KAFKA_PORT:-9092}",
            description = "Port of the embedded Kafka broker, on 127.0.0.1 (env CARDEX_KAFKA_PORT; default ${DEFAULT-VALUE}).")
    int kafkaPort;

    List<String> corsOrigins() {
        return cors.origins();
    }

    StackConfig stackConfig(String command) {
        return new StackConfig(dataDirectory(command), kafkaPort, elasticsearchPort);
    }

    Path dataDirectory(String command) {
        if (dataDirectory != null) {
            return dataDirectory.toAbsolutePath().normalize();
        }
        return StackConfig.defaultDataDirectory(command);
    }
}
