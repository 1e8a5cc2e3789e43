package io.cardex.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the build put the real servers and the examples: below the cardex home, the checkout
 * the {@code cardex} launcher runs from (system property {@value #HOME_PROPERTY}).
 */
public record Installation(Path home, String kafkaVersion, String elasticsearchVersion) {

    public static final String HOME_PROPERTY = "cardex.home";

    /** The installation the launcher or the test build points at. */
    public static Installation current() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null || home.isBlank()) {
            throw new IllegalStateException("system property " + HOME_PROPERTY
                    + " is not set: start cardex with the ./cardex launcher");
        }
        BuildVersions versions = BuildVersions.load();
        return new Installation(Path.of(home).toAbsolutePath().normalize(), versions.kafka(), versions.elasticsearch());
    }

    public Path kafkaLibs() {
        return home.resolve("server-distributions/target/kafka/libs");
    }

    public Path elasticsearchHome() {
        return home.resolve("server-distributions/target/elasticsearch-" + elasticsearchVersion);
    }

    public Path examples() {
        return home.resolve("examples/cards");
    }

    void requireServers() throws StartupFailure {
        if (!Files.isDirectory(kafkaLibs()) || !Files.isRegularFile(elasticsearchHome().resolve("bin/elasticsearch"))) {
            throw new StartupFailure("the Kafka and Elasticsearch servers are not in " + home.resolve("server-distributions/target")
                    + ": build them with ./cardex (it builds when needed) or mvn package");
        }
    }
}
