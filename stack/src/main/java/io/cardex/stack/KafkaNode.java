package io.cardex.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 */
final class KafkaNode {

    private static final String HEAP = "-Xmx512m";
    private static final int FORMAT_TIMEOUT_SECONDS = 120;

    private final Installation installation;
    private final Path directory;
    private final int port;
    private final int controllerPort;

    KafkaNode(Installation installation, Path directory, int port, int controllerPort) {
        this.installation = installation;
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
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
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception notYet) {
            return false;
        }
    }

    private void formatStorage() throws IOException, StartupFailure {
        Path log = logDirectory().resolve("format.log");
        ChildProcess format = ChildProcess.start("Kafka storage format",
                java("kafka.tools.StorageTool", "format", "--cluster-id", Uuid.randomUuid().toString(),
                        "--config", serverProperties().toString()),
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
                Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
                Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
                Map.entry("log.dirs", dataDirectory().toString()),
                // cardex creates its topics itself, compacted; an auto-created topic would not be.
                Map.entry("auto.create.topics.enable", "false"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0")));
        try (var out = Files.newBufferedWriter(serverProperties(), StandardCharsets.UTF_8)) {
            properties.store(out, "written by cardex at every start");
        }
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
