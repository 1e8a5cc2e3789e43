package io.cardex.it.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.cardex.topics.KafkaConnection;
import io.cardex.card.CardRules;
import io.cardex.card.CardexJson;
import io.cardex.card.event.CardChange;
import io.cardex.ingest.IngestConfig;
import io.cardex.ingest.IngestService;
import io.cardex.ingest.RepositoryConfig;
import io.cardex.ingest.git.RepositorySource;
import io.cardex.ingest.WebhookSettings;
import io.cardex.it.support.CardRepositoryFixture;
import io.cardex.it.support.TempDirectories;
import io.cardex.it.support.TestStack;
import io.cardex.it.support.TopicReader;
import io.cardex.it.support.UniqueNames;
import io.cardex.stack.EmbeddedStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ingest service as it runs: a webhook triggers it, /health and /metrics show what it did. */
class IngestServiceIT {

    private static final String SECRET = "webhook-secret";
    private static final String ORIGIN = "https://github.com/example/hub.git";
    /** So long that only a webhook can explain a pass after the first. */
    private static final Duration NEVER = Duration.ofHours(1);

    private final EmbeddedStack stack = TestStack.get();
    private final UniqueNames names = UniqueNames.forTest("ingest-app");
    private final HttpClient http = HttpClient.newHttpClient();
    private CardRepositoryFixture repository;
    private Path work;
    private IngestService ingest;

    @BeforeEach
    void startIngest() {
        repository = CardRepositoryFixture.create().withOrigin(ORIGIN)
                .addExample("mindspore/1.9/refinenet_voc2012.md").addExample("mindspore/1.7/dlinknet_deepglobe.md");
        repository.commit("first cards");
        work = TempDirectories.create("cardex-it-ingest-app-");
        ingest = new IngestService(new IngestConfig(List.of(
                config("hub", new RepositorySource.Local(repository.directory())),
                config("gone", new RepositorySource.Local(work.resolve("no-such-repository")))),
                "127.0.0.1", 0, new WebhookSettings(Optional.of(SECRET), Optional.empty(),
                        Optional.empty(), WebhookSettings.DEFAULT_MAX_PAYLOAD_BYTES)));
        ingest.start();
    }

    @AfterEach
    void stopIngest() {
        ingest.close();
        repository.close();
        TempDirectories.delete(work);
    }

    @Test
    void aSignedPushPublishesTheNewCommitWithoutWaitingForAPoll() throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> health().at("/repositories/0/state").asText().equals("up"));
        repository.edit("mindspore/1.9/refinenet_voc2012.md", card -> card.replace("acc80", "acc81")).commit("better");

        HttpResponse<String> answer = push("refs/heads/main", "delivery-1");

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.body()).contains("\"triggered\"");
        List<CardChange> changes = new TopicReader(stack.kafkaBootstrapServers(), names.topic()).readAll(3);
        // Changes of one card are ordered (one partition); across cards they are not.
        assertThat(changes).hasSize(3)
                .filteredOn(change -> change.key().cardId().value().equals("mindspore/1.9/refinenet_voc2012"))
                .extracting(change -> ((CardChange.Upsert) change).event().card().header().evaluation().raw())
                .containsExactly("acc80", "acc81");
    }

    @Test
    void aPushToAnotherBranchIsIgnored() throws Exception {
        HttpResponse<String> answer = push("refs/heads/experiment", "delivery-2");

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(answer.body()).contains("\"ignored\"");
    }

    @Test
    void healthShowsEachRepositoryAndWhyOneFails() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode health = health();
            assertThat(health.path("status").asText()).isEqualTo("failing");
            JsonNode hub = health.at("/repositories/0");
            assertThat(hub.path("repository").asText()).isEqualTo("hub");
            assertThat(hub.path("state").asText()).isEqualTo("up");
            assertThat(hub.path("events_published").asInt()).isEqualTo(2);
            assertThat(hub.path("behind_commits").asInt()).isZero();
            JsonNode gone = health.at("/repositories/1");
            assertThat(gone.path("state").asText()).isEqualTo("failing");
            assertThat(gone.path("last_error").asText()).contains("no-such-repository");
        });
    }

    @Test
    void metricsCountTheEventsPublished() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(get("/metrics").body())
                .contains("cardex_ingest_events_published_total{operation=\"upsert\",repository=\"hub\"} 2.0")
                .contains("cardex_ingest_passes_total{outcome=\"failure\",repository=\"gone\"}"));
    }

    private RepositoryConfig config(String name, RepositorySource source) {
        return new RepositoryConfig(source, name, Optional.empty(), Optional.empty(), NEVER, work,
                KafkaConnection.open(stack.kafkaBootstrapServers()), names.topic(), 3, (short) 1, CardRules.DEFAULT);
    }

    private JsonNode health() throws Exception {
        return CardexJson.newMapper().readTree(get("/health").body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> push(String ref, String delivery) throws Exception {
        String payload = """
                {"ref": "%s", "after": "%s",
                 "repository": {"full_name": "example/hub", "clone_url": "%s", "default_branch": "main"}}
                """.formatted(ref, "0".repeat(39) + "1", ORIGIN);
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + HexFormat.of().formatHex(hmac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        return http.send(HttpRequest.newBuilder(uri("/webhooks/github"))
                .header("X-GitHub-Event", "push").header("X-GitHub-Delivery", delivery)
                .header("X-Hub-Signature-256", signature).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + ingest.port() + path);
    }
}
