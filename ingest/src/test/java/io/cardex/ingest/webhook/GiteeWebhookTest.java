package io.cardex.ingest.webhook;

import io.cardex.ingest.WebhookSettings;
import static io.cardex.ingest.webhook.WebhookServer.fixture;
import static io.cardex.ingest.webhook.WebhookServer.giteeSignature;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GiteeWebhookTest {

    private static final String SECRET = "gitee-hook-5e1d";
    private static final byte[] PUSH = fixture("gitee-push.json");

    private final RecordingTarget target = new RecordingTarget("https://gitee.com/cardex-org/model-cards", Optional.empty());
    private WebhookServer server;

    @BeforeEach
    void start() {
        server = WebhookServer.start(new WebhookSettings(Optional.empty(), Optional.of(SECRET), Optional.empty(),
                WebhookSettings.DEFAULT_MAX_PAYLOAD_BYTES), target);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aPushCarryingThePlainPasswordTriggersTheDefaultBranch() {
        long timestamp = System.currentTimeMillis();

        HttpResponse<String> response = server.post("/webhooks/gitee", PUSH, Map.of(
                "X-Gitee-Event", "Push Hook",
                "X-Gitee-Timestamp", Long.toString(timestamp),
                "X-Gitee-Token", SECRET));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"status\":\"triggered\"}");
        assertThat(target.received()).singleElement().satisfies(push -> {
            assertThat(push.provider()).isEqualTo(Provider.GITEE);
            assertThat(push.deliveryId()).contains(Long.toString(timestamp));
            assertThat(push.branch()).contains("master");
            assertThat(push.repository().fullName()).isEqualTo("cardex-org/model-cards");
            assertThat(push.repository().defaultBranch()).contains("master");
            assertThat(push.after()).isEqualTo("c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3");
        });
    }

    @Test
    void aPushSignedWithTheSecretAndARecentTimestampTriggers() {
        long timestamp = System.currentTimeMillis();

        HttpResponse<String> response = server.post("/webhooks/gitee", PUSH, Map.of(
                "X-Gitee-Event", "Push Hook",
                "X-Gitee-Timestamp", Long.toString(timestamp),
                "X-Gitee-Token", giteeSignature(SECRET, timestamp)));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"status\":\"triggered\"}");
        assertThat(target.received()).hasSize(1);
    }

    @Test
    void aSignatureOlderThanAnHourIsRefused() {
        long timestamp = System.currentTimeMillis() - Duration.ofMinutes(61).toMillis();

        HttpResponse<String> response = server.post("/webhooks/gitee", PUSH, Map.of(
                "X-Gitee-Event", "Push Hook",
                "X-Gitee-Timestamp", Long.toString(timestamp),
                "X-Gitee-Token", giteeSignature(SECRET, timestamp)));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(target.received()).isEmpty();
    }

    @Test
    void aWrongOrMissingTokenIsRefusedAndTriggersNothing() {
        long timestamp = System.currentTimeMillis();
        HttpResponse<String> wrong = server.post("/webhooks/gitee", PUSH, Map.of(
                "X-Gitee-Event", "Push Hook",
                "X-Gitee-Timestamp", Long.toString(timestamp),
                "X-Gitee-Token", giteeSignature("another-secret", timestamp)));
        HttpResponse<String> missing = server.post("/webhooks/gitee", PUSH, Map.of(
                "X-Gitee-Event", "Push Hook",
                "X-Gitee-Timestamp", Long.toString(timestamp)));

        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("X-Gitee-Token");
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(target.received()).isEmpty();
    }

    @Test
    void tagPushesAreAcceptedButIgnored() {
        HttpResponse<String> response = server.post("/webhooks/gitee", PUSH, Map.of(
                "X-Gitee-Event", "Tag Push Hook",
                "X-Gitee-Token", SECRET));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("\"status\":\"ignored\"");
        assertThat(target.received()).isEmpty();
    }

    @Test
    void acceptsASignatureComputedForAKnownTimestampAndSecret() {
        // Computed with Python's hmac: base64(hmac_sha256(secret, "1576754827988\n" + secret)).
        long timestamp = 1576754827988L;
        Clock halfAnHourLater = Clock.fixed(Instant.ofEpochMilli(timestamp).plus(Duration.ofMinutes(30)), ZoneOffset.UTC);
        GiteeWebhook webhook = new GiteeWebhook("this is secret", halfAnHourLater);
        String signature = "2D978FIy4DMMTbiN80zQkNH1Eq/kMBt3gL6OnWfGzzY=";

        assertThat(webhook.isAuthentic(request(signature, "1576754827988"))).isTrue();
        assertThat(webhook.isAuthentic(request(URLEncoder.encode(signature, StandardCharsets.UTF_8), "1576754827988"))).isTrue();
        assertThat(webhook.isAuthentic(request(signature, "1576754827989"))).isFalse();
        assertThat(webhook.isAuthentic(request(signature, "not-a-number"))).isFalse();
    }

    private static WebhookRequest request(String token, String timestamp) {
        return new WebhookRequest(Map.of("X-Gitee-Token", token, "X-Gitee-Timestamp", timestamp)::get, new byte[0]);
    }
}
