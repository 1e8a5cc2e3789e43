package io.cardex.stack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the embedded stack is asked for: one data directory for everything it keeps, and the
 * ports clients reach Kafka and Elasticsearch on. Both servers listen on 127.0.0.1 only.
 *
 * @param kafkaSecurity        how Kafka is secured; empty for a broker open to whoever reaches it
 * @param securedElasticsearch whether Elasticsearch runs with security on (users, roles) and HTTPS
 *                             with a CA the stack makes, or open on loopback as for the demo
 * @param elasticsearchFileRealm the files of a secured Elasticsearch's file realm by name ({@code roles.yml},
 *                             {@code users}, {@code users_roles}), written at every start; empty for none
 */
public record StackConfig(Path dataDirectory, int kafkaPort, int elasticsearchPort,
                          Optional<KafkaSecurity> kafkaSecurity, boolean securedElasticsearch,
                          Map<String, String> elasticsearchFileRealm) {

    /** The names of the file realm's files in Elasticsearch's config directory. */
    public static final Set<String> FILE_REALM_FILES = Set.of("roles.yml", "users", "users_roles");

    public StackConfig {
        dataDirectory = dataDirectory.toAbsolutePath().normalize();
        requirePort(kafkaPort, "Kafka port");
        requirePort(elasticsearchPort, "Elasticsearch port");
        Objects.requireNonNull(kafkaSecurity, "kafkaSecurity");
        elasticsearchFileRealm = Map.copyOf(elasticsearchFileRealm);
        if (!FILE_REALM_FILES.containsAll(elasticsearchFileRealm.keySet())) {
            throw new IllegalArgumentException("the file realm's files are " + FILE_REALM_FILES + ", not "
                    + elasticsearchFileRealm.keySet());
        }
        if (!elasticsearchFileRealm.isEmpty() && !securedElasticsearch) {
            throw new IllegalArgumentException("an open Elasticsearch has no users: secure it to give it a file realm");
        }
    }

    /** A stack whose Kafka and Elasticsearch are open to whoever reaches them on 127.0.0.1, as {@code demo} runs it. */
    public StackConfig(Path dataDirectory, int kafkaPort, int elasticsearchPort) {
        this(dataDirectory, kafkaPort, elasticsearchPort, Optional.empty(), false, Map.of());
    }

    /** The same stack with Kafka secured so. */
    public StackConfig withKafkaSecurity(KafkaSecurity security) {
        return new StackConfig(dataDirectory, kafkaPort, elasticsearchPort, Optional.of(security), securedElasticsearch,
                elasticsearchFileRealm);
    }

    /** The same stack with Elasticsearch secured, its superuser {@code elastic} the only user. */
    public StackConfig withSecuredElasticsearch() {
        return withSecuredElasticsearch(Map.of());
    }

    /** The same stack with Elasticsearch secured, the users and roles of these file realm files added. */
    public StackConfig withSecuredElasticsearch(Map<String, String> fileRealm) {
        return new StackConfig(dataDirectory, kafkaPort, elasticsearchPort, kafkaSecurity, true, fileRealm);
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
