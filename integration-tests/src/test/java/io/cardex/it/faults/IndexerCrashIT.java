package io.cardex.it.faults;

import io.cardex.topics.KafkaConnection;
import io.cardex.card.CardRules;
import io.cardex.topics.CardChangeTopic;
import io.cardex.ingest.publish.ChangePublisher;
import io.cardex.it.support.CardexProcess;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.UniqueNames;
import io.cardex.it.support.VersionedCards;
import io.cardex.stack.EmbeddedStack;
import io.cardex.stack.Ports;
import io.cardex.cardindex.ElasticsearchConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Injects: the indexer process killed with SIGKILL while it writes a stream of changes (bulk
 * requests under way, offsets not yet committed), more changes published while it is dead, then
 * a new indexer in the same group. Checks: the index holds the last change of every card, each
 * deleted card is gone, none is lost and none is stale.
 */
class IndexerCrashIT {

    private static final int CARDS = 1_000;
    private static final Duration EXIT = Duration.ofSeconds(60);

    private final EmbeddedStack stack = TestStack.get();
    private final UniqueNames names = UniqueNames.forTest("indexer-crash");
    private final VersionedCards cards = new VersionedCards(CARDS);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aNewIndexerFinishesWhatAKilledOneLeftAndTheIndexEqualsTheTopic() throws Exception {
        CardChangeTopic.ensureExists(KafkaConnection.open(stack.kafkaBootstrapServers()), names.topic(), 3, (short) 1, CardRules.DEFAULT_MAX_FILE_BYTES);
        Path work = TempDirectories.create("cardex-it-indexer-crash-");
        try (ChangePublisher publisher = new ChangePublisher(KafkaConnection.open(stack.kafkaBootstrapServers()), names.topic(), CardRules.DEFAULT_MAX_FILE_BYTES);
             ElasticsearchConnection elasticsearch = new ElasticsearchConnection(stack.elasticsearchUrl())) {
            cards.publishVersion(publisher, 1);
            cards.publishVersion(publisher, 2);
            int port = Ports.free();
            CardexProcess first = indexer(work.resolve("first.txt"), port);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).ignoreExceptions()
                    .until(() -> written(port) > 0);
            first.kill(EXIT);

            cards.publishVersion(publisher, 3);
            cards.publishDeletions(publisher);
            CardexProcess second = indexer(work.resolve("second.txt"), Ports.free());
            try {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                        .untilAsserted(() -> assertThat(cards.storedSummaries(elasticsearch, names.index()))
                                .isEqualTo(cards.expectedSummaries(3)));
            } finally {
                second.terminate(EXIT);
            }
        } finally {
            TempDirectories.delete(work);
        }
    }

    private CardexProcess indexer(Path output, int port) {
        return CardexProcess.start(output, "indexer", "--bootstrap-servers", stack.kafkaBootstrapServers(),
                "--topic", names.topic(), "--group-id", names.consumerGroup(),
                "--elasticsearch-url", stack.elasticsearchUrl().toString(), "--index", names.index().alias(),
                "--port", String.valueOf(port));
    }

    /** Changes the indexer says Elasticsearch acknowledged, from its metrics. */
    private double written(int port) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("cardex_indexer_changes_total{outcome=\"written\"}"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
