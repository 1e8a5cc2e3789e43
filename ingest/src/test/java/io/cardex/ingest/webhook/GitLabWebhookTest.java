package io.cardex.ingest.webhook;

import io.cardex.ingest.WebhookSettings;
import static io.cardex.ingest.webhook.WebhookServer.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitLabWebhookTest {

    private static final String TOKEN = "glpat-free-webhook-token-91b2";
    private static final byte[] PUSH = fixture("gitlab-push.json");

    private final RecordingTarget target = new RecordingTarget("cardex-org/hub/model-cards", Optional.of("main"));
    private WebhookServer server;

    @BeforeEach
    void start() {
        server = WebhookServer.start(new WebhookSettings(Optional.empty(), Optional.empty(), Optional.of(TOKEN),
                WebhookSettings.DEFAULT_MAX_PAYLOAD_BYTES), target);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aPushWithTheSecretTokenTriggersTheTargetOnce() {
        HttpResponse<String> response = server.post("/webhooks/gitlab", PUSH, Map.of(
                "X-Gitlab-Event", "Push Hook",
                "X-Gitlab-Event-UUID", "13792a34-cac6-4fda-95a8-c58e00a3954e",
                "Idempotency-Key", "f5e5f430-f57b-4e6e-9fac-d9128cd7232f",
                "X-Gitlab-Token", TOKEN));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"status\":\"triggered\"}");
        assertThat(target.received()).singleElement().satisfies(push -> {
            assertThat(push.provider()).isEqualTo(Provider.GITLAB);
            assertThat(push.deliveryId()).contains("f5e5f430-f57b-4e6e-9fac-d9128cd7232f");
            assertThat(push.branch()).contains("main");
            assertThat(push.repository().fullName()).isEqualTo("cardex-org/hub/model-cards");
            assertThat(push.repository().urls()).contains("https://gitlab.com/cardex-org/hub/model-cards.git",
                    "git@gitlab.com:cardex-org/hub/model-cards.git");
            assertThat(push.after()).isEqualTo("e7f8091a2b3c4d5e6f708192a3b4c5d6e7f80912");
        });
    }

    @Test
    void theEventUuidIdentifiesDeliveriesFromGitLabVersionsWithoutIdempotencyKeys() {
        Map<String, String> headers = Map.of(
                "X-Gitlab-Event", "Push Hook",
                "X-Gitlab-Event-UUID", "13792a34-cac6-4fda-95a8-c58e00a3954e",
                "X-Gitlab-Token", TOKEN);

        server.post("/webhooks/gitlab", PUSH, headers);
        HttpResponse<String> again = server.post("/webhooks/gitlab", PUSH, headers);

        assertThat(again.body()).isEqualTo("{\"status\":\"duplicate\"}");
        assertThat(target.received()).singleElement()
                .satisfies(push -> assertThat(push.deliveryId()).contains("13792a34-cac6-4fda-95a8-c58e00a3954e"));
    }

    @Test
    void aWrongOrMissingTokenIsRefusedAndTriggersNothing() {
        HttpResponse<String> wrong = server.post("/webhooks/gitlab", PUSH, Map.of(
                "X-Gitlab-Event", "Push Hook",
                "X-Gitlab-Token", TOKEN + "x"));
        HttpResponse<String> missing = server.post("/webhooks/gitlab", PUSH, Map.of("X-Gitlab-Event", "Push Hook"));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("X-Gitlab-Token");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(target.received()).isEmpty();
    }

    @Test
    void mergeRequestEventsAreAcceptedButIgnored() {
        HttpResponse<String> response = server.post("/webhooks/gitlab", PUSH, Map.of(
                "X-Gitlab-Event", "Merge Request Hook",
                "X-Gitlab-Token", TOKEN));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("\"status\":\"ignored\"").contains("not Merge Request Hook");
        assertThat(target.received()).isEmpty();
    }
}
