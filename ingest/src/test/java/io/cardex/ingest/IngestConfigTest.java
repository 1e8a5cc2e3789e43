package io.cardex.ingest;

import io.cardex.service.http.ServiceServer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardex.card.CardRules;
import io.cardex.ingest.git.RepositorySource;
import io.cardex.topics.KafkaConnection;
import io.cardex.ingest.WebhookSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A setting ingest cannot run with is refused at start-up, naming the option a user sets. */
class IngestConfigTest {

    @Test
    void aPollIntervalThatIsNotPositiveNamesTheOption() {
        assertThatThrownBy(() -> repository("hub", Duration.ZERO, 3))
                .hasMessage("--poll-interval must be positive, not PT0S");
    }

    @Test
    void aTopicWithoutPartitionsNamesTheOption() {
        assertThatThrownBy(() -> repository("hub", Duration.ofSeconds(2), 0))
                .hasMessage("--partitions must be at least 1, not 0");
    }

    @Test
    void aPortOutOfRangeNamesTheOptionsOfBothCommands() {
        assertThatThrownBy(() -> service(List.of(repository("hub", Duration.ofSeconds(2), 3)), 70_000))
                .hasMessageStartingWith("the ingest port (--port, or --ingest-port")
                .hasMessageEndingWith("must be between 0 and 65535, not 70000");
    }

    @Test
    void twoRepositoriesOfTheSameNameAreRefused() {
        RepositoryConfig hub = repository("hub", Duration.ofSeconds(2), 3);

        assertThatThrownBy(() -> service(List.of(hub, hub), 0)).hasMessageStartingWith("two --repo have the same name");
    }

    @Test
    void atLeastOneRepository() {
        assertThatThrownBy(() -> service(List.of(), 0)).hasMessageContaining("--repo");
    }

    @Test
    void anyFreePortMayBeAskedFor() {
        assertThat(service(List.of(repository("hub", Duration.ofSeconds(2), 3)), 0).port()).isZero();
    }

    private static IngestConfig service(List<RepositoryConfig> repositories, int port) {
        return new IngestConfig(repositories, ServiceServer.DEFAULT_HOST, port, WebhookSettings.none());
    }

    private static RepositoryConfig repository(String name, Duration pollInterval, int partitions) {
        return new RepositoryConfig(new RepositorySource.Local(Path.of("/tmp/cards")), name, Optional.empty(),
                Optional.empty(), pollInterval, Path.of("/tmp/work"), KafkaConnection.open("127.0.0.1:9092"), "cards", partitions, (short) 1,
                CardRules.DEFAULT);
    }
}
