package io.cardex.it.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cardex.it.support.ApiClient;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.CardexProcess;
import io.cardex.it.support.TempDirectories;
import io.cardex.stack.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code cardex up} as a user runs it: its own Kafka and Elasticsearch in its data directory,
 * stopped completely on SIGTERM, data kept across restarts, start-up failures explained in one
 * line with nothing left running.
 */
class CardexUpIT {

    private static final Duration START = Duration.ofSeconds(180);
    private static final Duration STOP = Duration.ofSeconds(90);

    private final List<CardexProcess> started = new ArrayList<>();
    private CardRepositoryFixture repository;
    private Path dataDirectory;
    private Path output;
    private int apiPort;
    private int elasticsearchPort;
    private int kafkaPort;

    @BeforeEach
    void prepare() {
        repository = CardRepositoryFixture.create().addExample("mindspore/1.9/refinenet_voc2012.md");
        repository.commit("one card");
        dataDirectory = TempDirectories.create("cardex-it-up-");
        output = dataDirectory.resolve("cardex-output.txt");
        apiPort = Ports.free();
        elasticsearchPort = Ports.free();
        kafkaPort = Ports.free();
    }

    @AfterEach
    void cleanUp() {
        started.stream().filter(CardexProcess::isAlive).forEach(cardex -> cardex.terminate(STOP));
        repository.close();
        TempDirectories.delete(dataDirectory);
    }

    @Test
    void servesSearchStopsEveryProcessOnSigtermAndKeepsItsDataForTheNextStart() {
        CardexProcess first = up();
        ApiClient api = new ApiClient(apiPort);
        await().ignoreExceptions().atMost(START).untilAsserted(() ->
                assertThat(api.searchKeys("refinenet")).containsExactly("hub/mindspore/1.9/refinenet_voc2012"));
        List<ProcessHandle> servers = first.children();
        assertThat(servers).as("Kafka and Elasticsearch run as children").isNotEmpty();

        assertThat(first.terminate(STOP)).as("exit code after SIGTERM").isIn(0, 143);
        assertThat(servers).as("no server outlives cardex").noneMatch(ProcessHandle::isAlive);

        CardexProcess second = up();
        await().ignoreExceptions().atMost(START).untilAsserted(() ->
                assertThat(api.searchKeys("refinenet")).containsExactly("hub/mindspore/1.9/refinenet_voc2012"));
        assertThat(second.output()).as("the restart publishes nothing already published")
                .containsOnlyOnce("published 1 changes of hub@main");
        second.terminate(STOP);
    }

    @Test
    void aTakenPortIsNamedInOneLineAndNothingStarts() throws Exception {
        try (var squatter = new java.net.ServerSocket(elasticsearchPort, 1, java.net.InetAddress.getLoopbackAddress())) {
            CardexProcess cardex = up();

            assertThat(cardex.awaitExit(STOP)).isEqualTo(1);
            assertThat(cardex.output()).contains("cardex: port " + squatter.getLocalPort()
                    + " (Elasticsearch) is taken by another program: stop it, or choose another port with --es-port");
            assertThat(cardex.output()).doesNotContain("starting Kafka").doesNotContain("\tat ");
        }
    }

    @Test
    void aServerFailingHalfWayStopsTheOtherAndSaysWhy() throws Exception {
        Path keystore = dataDirectory.resolve("data/elasticsearch/config/elasticsearch.keystore");
        java.nio.file.Files.createDirectories(keystore.getParent());
        java.nio.file.Files.writeString(keystore, "this is not a keystore");
        CardexProcess cardex = up();
        await().ignoreExceptions().atMost(START).until(() -> !cardex.children().isEmpty() || !cardex.isAlive());
        List<ProcessHandle> started = cardex.children();

        assertThat(cardex.awaitExit(START)).isEqualTo(1);
        assertThat(cardex.output()).contains("starting Kafka")
                .contains("cardex: Elasticsearch failed to start: its keystore is damaged");
        assertThat(started).as("Kafka is stopped when Elasticsearch fails").noneMatch(ProcessHandle::isAlive);
    }

    private CardexProcess up() {
        CardexProcess cardex = CardexProcess.start(output, "up", "--repo", "hub=" + repository.directory(),
                "--poll-interval", "500ms", "--data-dir", dataDirectory.resolve("data").toString(),
                "--api-port", String.valueOf(apiPort), "--ingest-port", String.valueOf(Ports.free()),
                "--es-port", String.valueOf(elasticsearchPort),
                "--kafka-port", String.valueOf(kafkaPort));
        started.add(cardex);
        return cardex;
    }
}
