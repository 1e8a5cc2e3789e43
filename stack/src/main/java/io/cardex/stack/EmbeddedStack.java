package io.cardex.stack;

import io.cardex.topics.KafkaConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real servers cardex needs, started from the artifacts the build fetched from Maven
 * Central: a Kafka broker and an Elasticsearch node, each a child process on 127.0.0.1 with its
 * state in the data directory, so a restart keeps everything. Closing the stack stops both;
 * a start that fails half way stops whatever it had started.
 */
public final class EmbeddedStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStack.class);
    private static final long MIN_FREE_DISK_BYTES = 1L << 30;
    // As long as Elasticsearch's: on a machine shared with other builds, a JVM can take minutes to start.
    private static final Duration KAFKA_START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration ELASTICSEARCH_START_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final StackConfig config;
    private final Installation installation;
    private final KafkaNode kafka;
    private final ElasticsearchNode elasticsearch;
    private final List<ChildProcess> processes = new ArrayList<>();
    private ChildProcess kafkaProcess;
    private boolean closed;

    /**
     * Plans a stack; nothing runs until {@link #start()}. When cardex runs as root, this creates
     * the unprivileged user Elasticsearch will run as.
     */
    public EmbeddedStack(StackConfig config, Installation installation) throws StartupFailure {
        this.config = config;
        this.installation = installation;
        Path data = config.dataDirectory();
        this.kafka = new KafkaNode(installation, data.resolve("kafka"), config.kafkaPort(), Ports.free(),
                config.kafkaSecurity());
        this.elasticsearch = new ElasticsearchNode(installation, data.resolve("elasticsearch"),
                config.elasticsearchPort(), Ports.free(), ServiceUser.forElasticsearch(),
                config.securedElasticsearch(), config.elasticsearchFileRealm());
    }

    /**
     * Starts both servers and returns once both answer. It may be {@linkplain #close() closed}
     * from another thread at any time, which stops whatever had started.
     */
    public void start() throws StartupFailure {
        start(true);
    }

    /**
     * Starts Kafka alone and returns once it answers: for work that needs no index (the ingest
     * benchmark), which an idle Elasticsearch would only share the cores with. Elasticsearch's
     * accessors name a server that does not run.
     */
    public void startKafkaAlone() throws StartupFailure {
        start(false);
    }

    private void start(boolean withElasticsearch) throws StartupFailure {
        preflight(config, installation);
        try {
            kafka.prepare();
            if (withElasticsearch) {
                elasticsearch.prepare();
            }
            log.info("starting Kafka {} on {} (logs in {})", installation.kafkaVersion(), kafka.bootstrapServers(),
                    kafka.logDirectory());
            kafkaProcess = register(kafka.launch());
            ChildProcess elasticsearchProcess = null;
            if (withElasticsearch) {
                log.info("starting Elasticsearch {} on {} (logs in {})", installation.elasticsearchVersion(),
                        elasticsearch.url(), elasticsearch.logDirectory());
                elasticsearchProcess = register(elasticsearch.launch());
            }
            awaitReady(kafkaProcess, kafka::isReady, KAFKA_START_TIMEOUT);
            if (elasticsearchProcess != null) {
                awaitReady(elasticsearchProcess, elasticsearch::isReady, ELASTICSEARCH_START_TIMEOUT);
            }
        } catch (IOException e) {
            close();
            throw new StartupFailure("cannot prepare the servers in " + config.dataDirectory() + ": " + e.getMessage(), e);
        } catch (StartupFailure | RuntimeException e) {
            close();
            throw e;
        }
    }

    private synchronized ChildProcess register(ChildProcess process) throws StartupFailure {
        if (closed) {
            process.stop(STOP_GRACE);
            throw new StartupFailure("stopped while starting");
        }
        processes.add(process);
        return process;
    }

    private static void preflight(StackConfig config, Installation installation) throws StartupFailure {
        if (Runtime.version().feature() < 17) {
            throw new StartupFailure("cardex needs Java 17 or newer, this is Java " + Runtime.version()
                    + ": point JAVA_HOME or PATH at a JDK 17");
        }
        installation.requireServers();
        ProcessSpawner.requireSetprivWhenRoot();
        Ports.requireFree(config.kafkaPort(), "Kafka", "--kafka-port");
        Ports.requireFree(config.elasticsearchPort(), "Elasticsearch", "--es-port");
        requireFreeDisk(config.dataDirectory());
    }

    private static void requireFreeDisk(Path dataDirectory) throws StartupFailure {
        try {
            Files.createDirectories(dataDirectory);
            long free = Files.getFileStore(dataDirectory).getUsableSpace();
            if (free < MIN_FREE_DISK_BYTES) {
                throw new StartupFailure("only " + (free >> 20) + " MiB free for " + dataDirectory
                        + ": Kafka and Elasticsearch need at least 1 GiB; free some space or choose another --data-dir");
            }
        } catch (IOException e) {
            throw new StartupFailure("cannot use the data directory " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    private void awaitReady(ChildProcess process, BooleanSupplier ready, Duration timeout)
            throws StartupFailure {
        long started = System.nanoTime();
        long nextProgress = PROGRESS_EVERY.toNanos();
        while (!ready.getAsBoolean()) {
            if (isClosed()) {
                throw new StartupFailure("stopped while starting");
            }
            long waited = System.nanoTime() - started;
            if (!process.isAlive()) {
                throw new StartupFailure(StartupDiagnosis.explain(process.name(), process.logTail(), process.log()));
            }
            if (waited > timeout.toNanos()) {
                throw new StartupFailure(process.name() + " did not become ready within " + timeout.toSeconds()
                        + " s; its log may say why: " + process.log());
            }
            if (waited > nextProgress) {
                log.info("still waiting for {} ({} s)", process.name(), Duration.ofNanos(waited).toSeconds());
                nextProgress += PROGRESS_EVERY.toNanos();
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupFailure("interrupted while waiting for " + process.name());
            }
        }
        log.info("{} is ready ({} s)", process.name(), Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /**
     * Stops the Kafka broker, as an operator restarting it would; {@link #startKafka()} brings it
     * back on the same port with the same data. Fault tests use the pair to show nothing is lost.
     */
    public void stopKafka() {
        ChildProcess stopping;
        synchronized (this) {
            stopping = kafkaProcess;
            processes.remove(stopping);
        }
        log.info("stopping {}", stopping.name());
        stopping.stop(STOP_GRACE);
    }

    /** Starts the Kafka broker {@link #stopKafka() stopped} before, and returns once it answers. */
    public void startKafka() throws StartupFailure {
        try {
            kafkaProcess = register(kafka.launch());
        } catch (IOException e) {
            throw new StartupFailure("cannot start Kafka again: " + e.getMessage(), e);
        }
        awaitReady(kafkaProcess, kafka::isReady, KAFKA_START_TIMEOUT);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** How Kafka's super user reaches it: with its login when Kafka is secured, to grant the other users theirs. */
    public KafkaConnection kafkaSuperUser() {
        return kafka.superUser();
    }

    /** Elasticsearch's URL, without a user: {@code https} when it is secured. */
    public URI elasticsearchUrl() {
        return elasticsearch.url();
    }

    /** The certificate (PEM) of the CA that signed a secured Elasticsearch's; empty when it is open. */
    public Optional<Path> elasticsearchCa() {
        return elasticsearch.caCertificate();
    }

    /** The file holding the password of a secured Elasticsearch's superuser {@code elastic}; empty when it is open. */
    public Optional<Path> elasticsearchSuperuserPasswordFile() {
        return elasticsearch.superuserPasswordFile();
    }

    /**
     * Elasticsearch's URL with its superuser {@code elastic} and the password the stack gave it in
     * its user-info, for setting up users; the plain URL when Elasticsearch is open. Never log it.
     */
    public URI elasticsearchSuperuserUrl() {
        try {
            return elasticsearch.superuserUrl();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the password of Elasticsearch's superuser: " + e.getMessage(), e);
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** Stops the servers, Elasticsearch before Kafka; safe to call more than once. */
    @Override
    public void close() {
        List<ChildProcess> running;
        synchronized (this) {
            closed = true;
            running = new ArrayList<>(processes);
            processes.clear();
        }
        for (int i = running.size() - 1; i >= 0; i--) {
            ChildProcess process = running.get(i);
            log.info("stopping {}", process.name());
            process.stop(STOP_GRACE);
        }
    }
}
