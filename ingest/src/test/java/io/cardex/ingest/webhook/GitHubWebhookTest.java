package io.cardex.ingest.webhook;

import io.cardex.ingest.WebhookSettings;
import static io.cardex.ingest.webhook.WebhookServer.fixture;
import static io.cardex.ingest.webhook.WebhookServer.githubSignature;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubWebhookTest {

    private static final String SECRET = "gh-webhook-secret-7f3a";
    private static final byte[] PUSH = fixture("github-push.json");

    private final RecordingTarget target = new RecordingTarget("git@github.com:cardex-org/model-cards.git", Optional.of("main"));
    private WebhookServer server;

    @BeforeEach
    void start() {
        server = WebhookServer.start(new WebhookSettings(Optional.of(SECRET), Optional.empty(), Optional.empty(),
                WebhookSettings.DEFAULT_MAX_PAYLOAD_BYTES), target);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSignedPushToTheFollowedBranchTriggersTheTargetOnce() {
        HttpResponse<String> response = server.post("/webhooks/github", PUSH, Map.of(
                "X-GitHub-Event", "push",
                "X-GitHub-Delivery", "5c1e7b20-b8a5-11f0-8f0e-1e2d3c4b5a69",
                "X-Hub-Signature-256", githubSignature(SECRET, PUSH)));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"status\":\"triggered\"}");
        assertThat(target.received()).singleElement().satisfies(push -> {
            assertThat(push.provider()).isEqualTo(Provider.GITHUB);
            assertThat(push.deliveryId()).contains("5c1e7b20-b8a5-11f0-8f0e-1e2d3c4b5a69");
            assertThat(push.branch()).contains("main");
            assertThat(push.after()).isEqualTo("3b8d5f0a6c1e2d4f7a9b0c1d2e3f4a5b6c7d8e9f");
            assertThat(push.repository().fullName()).isEqualTo("cardex-org/model-cards");
            assertThat(push.repository().urls()).contains("https://github.com/cardex-org/model-cards.git",
                    "git@github.com:cardex-org/model-cards.git", "https://github.com/cardex-org/model-cards");
        });
    }

    @Test
    void aPushSignedWithAnotherSecretIsRefusedAndTriggersNothing() {
        HttpResponse<String> response = server.post("/webhooks/github", PUSH, Map.of(
                "X-GitHub-Event", "push",
                "X-Hub-Signature-256", githubSignature("not-the-secret", PUSH)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("X-Hub-Signature-256");
        assertThat(target.received()).isEmpty();
    }

    @Test
    void aPushWhoseBodyWasChangedAfterSigningIsRefused() {
        byte[] tampered = new String(PUSH, StandardCharsets.UTF_8).replace("refs/heads/main", "refs/heads/evil")
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = server.post("/webhooks/github", tampered, Map.of(
                "X-GitHub-Event", "push",
                "X-Hub-Signature-256", githubSignature(SECRET, PUSH)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(target.received()).isEmpty();
    }

    @Test
    void anUnsignedPushIsRefusedAndTriggersNothing() {
        HttpResponse<String> response = server.post("/webhooks/github", PUSH, Map.of("X-GitHub-Event", "push"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(target.received()).isEmpty();
    }

    @Test
    void aSignedPingIsAnsweredWithPong() {
        byte[] ping = fixture("github-ping.json");

        HttpResponse<String> response = server.post("/webhooks/github", ping, Map.of(
                "X-GitHub-Event", "ping",
                "X-GitHub-Delivery", "0a4c6e80-b8a5-11f0-9a4f-6f2b1c0d9e8a",
                "X-Hub-Signature-256", githubSignature(SECRET, ping)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"pong\"}");
        assertThat(target.received()).isEmpty();
    }

    @Test
    void otherEventsAreAcceptedButIgnored() {
        HttpResponse<String> response = server.post("/webhooks/github", PUSH, Map.of(
                "X-GitHub-Event", "issues",
                "X-Hub-Signature-256", githubSignature(SECRET, PUSH)));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("\"status\":\"ignored\"").contains("not issues");
        assertThat(target.received()).isEmpty();
    }

    @Test
    void acceptsTheSignatureOfGitHubsDocumentedExample() {
        // From GitHub's "Validating webhook deliveries": this secret and body give this signature.
        GitHubWebhook webhook = new GitHubWebhook("It's a Secret to Everybody");
        byte[] body = "Hello, World!".getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

        assertThat(webhook.isAuthentic(request(signature, body))).isTrue();
        assertThat(webhook.isAuthentic(request(signature.toUpperCase().replace("SHA256=", "sha256="), body))).isTrue();
        assertThat(webhook.isAuthentic(request(signature, "Hello, World?".getBytes(StandardCharsets.UTF_8)))).isFalse();
        assertThat(webhook.isAuthentic(request(signature.replace("sha256=", "sha1="), body))).isFalse();
    }

    private static WebhookRequest request(String signature, byte[] body) {
        return new WebhookRequest(Map.of("X-Hub-Signature-256", signature)::get, body);
    }
}
