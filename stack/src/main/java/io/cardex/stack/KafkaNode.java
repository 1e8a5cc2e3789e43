package io.cardex.stack;

import io.cardex.topics.KafkaConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single Kafka broker in KRaft combined mode (broker and controller in one process), on
 * 127.0.0.1, keeping its log under {@code <data>/kafka}. Its storage is formatted on first start.
 * Secured, it asks every client to log in with SASL/SCRAM and lets a user do only what an ACL
 * allows; its own super user's credential is put in the storage at format time.
 */
final class KafkaNode {

    private static final String HEAP = "-Xmx512m";
    private static final int FORMAT_TIMEOUT_SECONDS = 120;

    private final Installation installation;
    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final Optional<KafkaSecurity> security;

    KafkaNode(Installation installation, Path directory, int port, int controllerPort, Optional<KafkaSecurity> security) {
        this.installation = installation;
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.security = security;
    }

    /** How the super user reaches the broker: with its login when secured. */
    KafkaConnection superUser() {
        return security.map(secured -> KafkaConnection.as(bootstrapServers(), secured.superUserLogin()))
                .orElse(KafkaConnection.open(bootstrapServers()));
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    void prepare() throws IOException, StartupFailure {
        Files.createDirectories(dataDirectory());
        Files.createDirectories(logDirectory());
        writeServerProperties();
        try (InputStream logging = KafkaNode.class.getResourceAsStream("kafka-log4j2.xml")) {
            Files.copy(logging, loggingConfig(), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.exists(dataDirectory().resolve("meta.properties"))) {
            formatStorage();
        }
    }

    ChildProcess launch() throws IOException {
        return ChildProcess.start("Kafka", java("kafka.Kafka", serverProperties().toString()), Map.of(), directory,
                logDirectory().resolve("stdout.log"), Optional.empty(), ProcessSpawner.DeathSignal.TERM);
    }

    /** Whether the broker answers a metadata request, not just accepts connections. */
    boolean isReady() {
        if (!Ports.accepts(port)) {
            return false;
        }
        try (Admin admin = Admin.create(superUser().clientSettings(Map.of(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000)))) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception notYet) {
            return false;
        }
    }

    private void formatStorage() throws IOException, StartupFailure {
        Path log = logDirectory().resolve("format.log");
        List<String> arguments = new ArrayList<>(List.of("kafka.tools.StorageTool", "format",
                "--cluster-id", Uuid.randomUuid().toString(), "--config", serverProperties().toString()));
        security.ifPresent(secured -> arguments.addAll(List.of("--add-scram",
                "SCRAM-SHA-512=[name=" + secured.superUser() + ",password=" + secured.superUserPassword() + "]")));
        // The main class and its arguments, the super user's password among them, go in a file only
        // its owner reads, which the java launcher expands (@file): on the command line, every user
        // of the machine would see the password in the process list.
        Path argumentFile = directory.resolve("format.arguments");
        writePrivately(argumentFile, String.join("\n", arguments) + "\n");
        try {
            runFormat(log, argumentFile);
        } finally {
            Files.deleteIfExists(argumentFile);
        }
    }

    private void runFormat(Path log, Path argumentFile) throws IOException, StartupFailure {
        ChildProcess format = ChildProcess.start("Kafka storage format", java("@" + argumentFile),
                Map.of(), directory, log, Optional.empty(), ProcessSpawner.DeathSignal.KILL);
        try {
            for (int waited = 0; format.isAlive() && waited < FORMAT_TIMEOUT_SECONDS * 10; waited++) {
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailure("interrupted while formatting Kafka's storage", e);
        } finally {
            if (format.isAlive()) {
                format.stop(java.time.Duration.ZERO);
            }
        }
        if (format.isAlive() || format.exitValue() != 0) {
            throw new StartupFailure(StartupDiagnosis.explain("Kafka storage format", format.logTail(), log));
        }
    }

    /** Writes a file only this user can read: it holds a password. */
    private static void writePrivately(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private List<String> java(String mainClass, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-XX:+UseG1GC", "-Djava.awt.headless=true",
                "-Dkafka.logs.dir=" + logDirectory(),
                "-Dlog4j2.configurationFile=" + loggingConfig(),
                "-cp", installation.kafkaLibs().resolve("*").toString(),
                mainClass));
        command.addAll(List.of(arguments));
        return command;
    }

    private void writeServerProperties() throws IOException {
        Properties properties = new Properties();
        properties.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("log.dirs", dataDirectory().toString()),
                // cardex creates its topics itself, compacted; an auto-created topic would not be.
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0")));
        properties.putAll(security.map(this::securedListeners).orElseGet(this::openListeners));
        // Secured, the file holds the super user's password: only its owner may read it.
        StringWriter text = new StringWriter();
        properties.store(text, "written by cardex at every start");
        writePrivately(serverProperties(), text.toString());
    }

    private Map<String, String> openListeners() {
        return Map.of(
                "listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners", "PLAINTEXT://127.0.0.1:" + port,
                "inter.broker.listener.name", "PLAINTEXT",
                "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    }

    /**
     * Clients log in with SCRAM-SHA-512 on the broker's listener; the broker reaches its own
     * controller with PLAIN, as KRaft cannot check SCRAM credentials there (they live in the
     * metadata the controller serves). Both logins are the super user's, whose password is in this
     * file only. Whatever no ACL allows is refused.
     */
    private Map<String, String> securedListeners(KafkaSecurity secured) {
        String user = secured.superUser();
        String password = secured.superUserPassword();
        return Map.ofEntries(
                Map.entry("listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port),
                Map.entry("inter.broker.listener.name", "SASL_PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT"),
                Map.entry("sasl.enabled.mechanisms", "SCRAM-SHA-512"),
                Map.entry("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512"),
                Map.entry("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                                + "\" password=\"" + password + "\";"),
                Map.entry("sasl.mechanism.controller.protocol", "PLAIN"),
                Map.entry("listener.name.controller.sasl.enabled.mechanisms", "PLAIN"),
                Map.entry("listener.name.controller.plain.sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                                + "\" password=\"" + password + "\" user_" + user + "=\"" + password + "\";"),
                Map.entry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer"),
                Map.entry("super.users", "User:" + user),
                Map.entry("allow.everyone.if.no.acl.found", "false"));
    }

    private Path serverProperties() {
        return directory.resolve("server.properties");
    }

    private Path loggingConfig() {
        return directory.resolve("log4j2.xml");
    }

    private Path dataDirectory() {
        return directory.resolve("data");
    }

    Path logDirectory() {
        return directory.resolve("logs");
    }
}
