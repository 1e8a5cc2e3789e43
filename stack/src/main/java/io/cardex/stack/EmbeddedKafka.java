package io.cardex.stack;

import io.cardex.topics.KafkaConnection;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka broker alone, run as the {@link EmbeddedStack} runs its own: for a test that needs a
 * broker of its kind beside the shared stack, such as a secured one.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final KafkaNode node;
    private ChildProcess process;

    public EmbeddedKafka(Installation installation, Path directory, int port, Optional<KafkaSecurity> security) {
        this.node = new KafkaNode(installation, directory.toAbsolutePath().normalize(), port, Ports.free(), security);
    }

    /** Starts the broker and returns once it answers its super user. */
    public void start() throws StartupFailure {
        try {
            node.prepare();
            log.info("starting Kafka on {} (logs in {})", node.bootstrapServers(), node.logDirectory());
            process = node.launch();
        } catch (IOException e) {
            close();
            throw new StartupFailure("cannot start Kafka: " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!node.isReady()) {
            if (!process.isAlive()) {
                close();
                throw new StartupFailure(StartupDiagnosis.explain(process.name(), process.logTail(), process.log()));
            }
            if (System.nanoTime() > deadline) {
                close();
                throw new StartupFailure("Kafka did not become ready within " + START_TIMEOUT.toSeconds()
                        + " s; its log may say why: " + process.log());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new StartupFailure("interrupted while waiting for Kafka");
            }
        }
    }

    public String bootstrapServers() {
        return node.bootstrapServers();
    }

    /** How the super user reaches the broker: with its login when secured. */
    public KafkaConnection superUser() {
        return node.superUser();
    }

    @Override
    public void close() {
        if (process != null) {
            process.stop(STOP_GRACE);
            process = null;
        }
    }
}
