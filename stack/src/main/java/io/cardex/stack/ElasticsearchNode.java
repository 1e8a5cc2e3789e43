package io.cardex.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A single-node Elasticsearch on 127.0.0.1 keeping data, logs and configuration under
 * {@code <data>/elasticsearch}. When cardex runs as root it runs as an unprivileged
 * {@link ServiceUser} from its own copy of the distribution inside the data directory, which
 * that user owns.
 */
final class ElasticsearchNode {

    private static final String HEAP = "-Xms1g -Xmx1g";
    private static final String COPIED_VERSION_MARKER = ".cardex-copied-version";

    private final Installation installation;
    private final Path directory;
    private final int httpPort;
    private final int transportPort;
    private final Optional<ServiceUser> user;
    private final Optional<ElasticsearchSecurity> security;
    private final Map<String, String> fileRealm;
    private HttpClient http;

    /**
     * @param secured   whether the node runs with security on and HTTPS, or open on loopback
     * @param fileRealm the files of its file realm by name, written over the distribution's empty ones
     */
    ElasticsearchNode(Installation installation, Path directory, int httpPort, int transportPort,
                      Optional<ServiceUser> user, boolean secured, Map<String, String> fileRealm) {
        this.fileRealm = Map.copyOf(fileRealm);
        this.installation = installation;
        this.directory = directory;
        this.httpPort = httpPort;
        this.transportPort = transportPort;
        this.user = user;
        this.security = secured
                ? Optional.of(new ElasticsearchSecurity(directory.resolve("security"), configDirectory()))
                : Optional.empty();
    }

    URI url() {
        return URI.create((security.isPresent() ? "https" : "http") + "://127.0.0.1:" + httpPort);
    }

    /** The CA certificate (PEM) clients trust to reach a secured node; empty for an open one. */
    Optional<Path> caCertificate() {
        return security.map(ElasticsearchSecurity::caCertificate);
    }

    /** The file holding the superuser's password, readable by its owner only; empty for an open node. */
    Optional<Path> superuserPasswordFile() {
        return security.map(ElasticsearchSecurity::superuserPasswordFile);
    }

    /** The URL with the superuser's name and password in its user-info; the plain URL for an open node. */
    URI superuserUrl() throws IOException {
        return security.isPresent() ? security.get().superuserUrl(url()) : url();
    }

    void prepare() throws IOException, StartupFailure {
        for (String sub : List.of("data", "logs", "tmp", "config")) {
            Files.createDirectories(directory.resolve(sub));
        }
        DirectoryCopy.copy(installation.elasticsearchHome().resolve("config"), configDirectory(),
                StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(configDirectory().resolve("elasticsearch.yml"), settings(), StandardCharsets.UTF_8);
        if (security.isPresent()) {
            security.get().prepare(installation.elasticsearchHome());
            // Password hashes: readable by Elasticsearch's user only (own() below hands them over).
            for (Map.Entry<String, String> file : fileRealm.entrySet()) {
                Path path = configDirectory().resolve(file.getKey());
                Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            }
            http = HttpClients.trusting(security.get().caCertificate());
        } else {
            http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        }
        if (user.isPresent()) {
            user.get().requireCanReach(directory.getParent());
            copyDistributionOnce();
            user.get().own(directory);
        }
    }

    ChildProcess launch() throws IOException {
        Path home = user.isPresent() ? directory.resolve("home") : installation.elasticsearchHome();
        Map<String, String> environment = Map.of(
                "ES_JAVA_HOME", System.getProperty("java.home"),
                "ES_PATH_CONF", configDirectory().toString(),
                "ES_TMPDIR", directory.resolve("tmp").toString(),
                "ES_JAVA_OPTS", HEAP,
                "HOME", directory.toString());
        // The working directory receives the JVM's gc.log and crash files.
        return ChildProcess.start("Elasticsearch", List.of(home.resolve("bin/elasticsearch").toString()), environment,
                logDirectory(), logDirectory().resolve("stdout.log"), user, ProcessSpawner.DeathSignal.KILL);
    }

    boolean isReady() {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        url().resolve("/_cluster/health?wait_for_status=yellow&timeout=1s"))
                .timeout(Duration.ofSeconds(3)).GET();
        if (security.isPresent()) {
            try {
                request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (ElasticsearchSecurity.SUPERUSER + ":" + security.get().superuserPassword())
                                .getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                return false;
            }
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Path logDirectory() {
        return directory.resolve("logs");
    }

    private Path configDirectory() {
        return directory.resolve("config");
    }

    private String settings() {
        List<String> lines = new ArrayList<>(List.of(
                "# Written by cardex at every start.",
                "cluster.name: cardex",
                "node.name: cardex",
                "discovery.type: single-node",
                "network.host: 127.0.0.1",
                "http.port: " + httpPort,
                "transport.port: " + transportPort,
                "path.data: " + directory.resolve("data"),
                "path.logs: " + logDirectory(),
                "action.destructive_requires_name: true"));
        // Open, the node is for one user on this machine, on loopback only; secured, it runs as
        // docker-compose.yml's does, with users and roles, over HTTPS.
        lines.addAll(security.isPresent() ? ElasticsearchSecurity.settings() : List.of("xpack.security.enabled: false"));
        lines.add("");
        return String.join("\n", lines);
    }

    /** Gives the unprivileged user a distribution it can read wherever the build is. */
    private void copyDistributionOnce() throws IOException {
        Path home = directory.resolve("home");
        Path marker = home.resolve(COPIED_VERSION_MARKER);
        if (Files.exists(marker) && Files.readString(marker).equals(installation.elasticsearchVersion())) {
            return;
        }
        if (Files.exists(home)) {
            try (Stream<Path> paths = Files.walk(home)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        DirectoryCopy.copy(installation.elasticsearchHome(), home, StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(marker, installation.elasticsearchVersion());
    }
}
