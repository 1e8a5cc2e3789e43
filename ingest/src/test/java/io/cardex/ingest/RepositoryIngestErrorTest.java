package io.cardex.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cardex.card.CardRules;
import io.cardex.ingest.git.RepositorySource;
import io.cardex.service.http.Health;
import io.cardex.topics.KafkaConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * An {@link Error} thrown by a pass (a card check recursing too deep, a heap too small) must not
 * end the repository's ingest without a word while {@code /health} says up: it is logged, shown
 * as failing, and the pass is retried with a growing pause.
 */
class RepositoryIngestErrorTest {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(RepositoryIngest.class);
    /** When each pass began, in nanoseconds. */
    private final List<Long> passes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    @Test
    void aPassThrowingAnErrorIsLoggedShownAsFailingAndRetriedWithAGrowingPause(@TempDir Path work) {
        RepositoryConfig config = new RepositoryConfig(new RepositorySource.Local(work.resolve("cards")), "hub",
                Optional.empty(), Optional.empty(), POLL_INTERVAL, work, KafkaConnection.open("127.0.0.1:9"), "cardex.card-changes", 1,
                (short) 1, CardRules.DEFAULT);
        try (RepositoryIngest ingest = new RepositoryIngest(config, new SimpleMeterRegistry(), Clock.systemUTC(),
                Optional.of(() -> {
                    passes.add(System.nanoTime());
                    throw new StackOverflowError("a card check recursed too deep");
                }))) {
            ingest.start();

            await().atMost(Duration.ofSeconds(20)).until(() -> passes.size() >= 3);

            IngestStatus status = ingest.status();
            assertThat(status.state()).isEqualTo("failing");
            assertThat(status.lastError()).isEqualTo("StackOverflowError: a card check recursed too deep");
            Health health = IngestHealth.of(List.of(status));
            assertThat(health.healthy()).as("ingest's /health answers 200").isFalse();
            assertThat(((IngestHealth) health.body()).status()).isEqualTo("failing");
            // The pause is the poll interval, doubled per failure in a row: never sooner.
            assertThat(Duration.ofNanos(passes.get(1) - passes.get(0))).isGreaterThanOrEqualTo(POLL_INTERVAL);
            assertThat(Duration.ofNanos(passes.get(2) - passes.get(1))).isGreaterThanOrEqualTo(POLL_INTERVAL.multipliedBy(2));
            assertThat(log.list).filteredOn(event -> event.getLevel() == Level.WARN)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                    .startsWith("ingest of hub failed, retrying in")
                    .endsWith("StackOverflowError: a card check recursed too deep");
        }
    }
}
