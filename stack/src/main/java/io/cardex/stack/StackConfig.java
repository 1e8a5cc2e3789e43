package io.cardex.stack;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the embedded stack is asked for: one data directory for everything it keeps, and the
 * ports clients reach Kafka and Elasticsearch on. Both servers listen on 127.0.0.1 only.
 *
 * @param kafkaSecurity        how Kafka is secured; empty for a broker open to whoever reaches it
 * @param securedElasticsearch whether Elasticsearch runs with security on (users, roles) and HTTPS
 *                             with a CA the stack makes, or open on loopback as for the demo
 */
public record StackConfig(Path dataDirectory, int kafkaPort, int elasticsearchPort,
                          Optional<KafkaSecurity> kafkaSecurity, boolean securedElasticsearch) {

    public StackConfig {
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        requirePort(kafkaPort, "Kafka port");
        requirePort(elasticsearchPort, "Elasticsearch port");
        Objects.requireNonNull(kafkaSecurity, "kafkaSecurity");
    }

    /** A stack whose Kafka and Elasticsearch are open to whoever reaches them on 127.0.0.1, as {@code demo} runs it. */
    public StackConfig(Path dataDirectory, int kafkaPort, int elasticsearchPort) {
        this(dataDirectory, kafkaPort, elasticsearchPort, Optional.empty(), false);
    }

    /** The same stack with Kafka secured so. */
    public StackConfig withKafkaSecurity(KafkaSecurity security) {
        return new StackConfig(dataDirectory, kafkaPort, elasticsearchPort, Optional.of(security), securedElasticsearch);
    }

    /** The same stack with Elasticsearch secured. */
    public StackConfig withSecuredElasticsearch() {
        return new StackConfig(dataDirectory, kafkaPort, elasticsearchPort, kafkaSecurity, true);
    }

    /** A stack on free ports, as tests want it. */
    public static StackConfig onFreePorts(Path dataDirectory) {
        return new StackConfig(dataDirectory, Ports.free(), Ports.free());
    }

    /**
     * Where a command keeps its data unless told otherwise: {@code ~/.cardex/<command>}, or
     * {@code /var/lib/cardex/<command>} as root, because Elasticsearch then runs as another user
     * that could not enter root's home.
     */
    public static Path defaultDataDirectory(String command) {
        Path base = ServiceUser.isRoot() ? Path.of("/var/lib/cardex") : Path.of(System.getProperty("user.home"), ".cardex");
        return base.resolve(command);
    }

    private static void requirePort(int port, String what) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + " must be between 1 and 65535, not " + port);
        }
    }
}
