package io.cardex.ingest.webhook;

import io.cardex.ingest.WebhookSettings;
import static io.cardex.ingest.webhook.WebhookServer.fixture;
import static io.cardex.ingest.webhook.WebhookServer.githubSignature;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What every receiver does alike, shown through GitHub's: duplicates, limits, bad payloads, routing. */
class WebhookDeliveryTest {

    private static final String SECRET = "gh-webhook-secret-7f3a";
    private static final String FOLLOWED = "https://github.com/cardex-org/model-cards";
    private static final byte[] PUSH = fixture("github-push.json");

    private WebhookServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aRedeliveryTriggersOnlyOnceAndIsAnsweredAsDuplicate() {
        RecordingTarget target = new RecordingTarget(FOLLOWED, Optional.of("main"));
        server = githubServer(target, WebhookSettings.DEFAULT_MAX_PAYLOAD_BYTES);

        HttpResponse<String> first = postPush(PUSH, "7d3e1a40-b8a6-11f0-8c2d-52a1b0c9d8e7");
        HttpResponse<String> again = postPush(PUSH, "7d3e1a40-b8a6-11f0-8c2d-52a1b0c9d8e7");
        HttpResponse<String> next = postPush(PUSH, "8e4f2b50-b8a6-11f0-8c2d-52a1b0c9d8e7");

        assertThat(first.body()).isEqualTo("{\"status\":\"triggered\"}");
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(again.body()).isEqualTo("{\"status\":\"duplicate\"}");
        assertThat(next.body()).isEqualTo("{\"status\":\"triggered\"}");
        assertThat(target.received()).extracting(push -> push.deliveryId().orElseThrow())
                .containsExactly("7d3e1a40-b8a6-11f0-8c2d-52a1b0c9d8e7", "8e4f2b50-b8a6-11f0-8c2d-52a1b0c9d8e7");
    }

    @Test
    void aDeliveryTheTargetFailedOnIsTriggeredAgainWhenRedelivered() {
        AtomicInteger calls = new AtomicInteger();
        server = WebhookServer.start(githubSettings(WebhookSettings.DEFAULT_MAX_PAYLOAD_BYTES), push -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("ingest scheduler not started yet");
            }
            return true;
        });

        HttpResponse<String> failed = postPush(PUSH, "9f50c360-b8a6-11f0-8c2d-52a1b0c9d8e7");
        HttpResponse<String> retried = postPush(PUSH, "9f50c360-b8a6-11f0-8c2d-52a1b0c9d8e7");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(retried.body()).isEqualTo("{\"status\":\"triggered\"}");
        assertThat(calls).hasValue(2);
    }

    @Test
    void aPushToAnotherBranchIsAcceptedButIgnoredWithTheReason() {
        RecordingTarget target = new RecordingTarget(FOLLOWED, Optional.of("release"));
        server = githubServer(target, WebhookSettings.DEFAULT_MAX_PAYLOAD_BYTES);

        HttpResponse<String> response = postPush(PUSH, "a061d470-b8a6-11f0-8c2d-52a1b0c9d8e7");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("\"status\":\"ignored\"")
                .contains("refs/heads/main of cardex-org/model-cards matches no repository and branch followed here");
    }

    @Test
    void aPushToAnotherRepositoryIsAcceptedButIgnored() {
        RecordingTarget target = new RecordingTarget("https://github.com/cardex-org/other-cards.git", Optional.of("main"));
        server = githubServer(target, WebhookSettings.DEFAULT_MAX_PAYLOAD_BYTES);

        HttpResponse<String> response = postPush(PUSH, "b172e580-b8a6-11f0-8c2d-52a1b0c9d8e7");

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).contains("\"status\":\"ignored\"");
    }

    @Test
    void aPayloadAnnouncedLargerThanTheLimitIsRefusedWith413() {
        RecordingTarget target = new RecordingTarget(FOLLOWED, Optional.of("main"));
        server = githubServer(target, PUSH.length - 1);

        HttpResponse<String> response = postPush(PUSH, "c283f690-b8a6-11f0-8c2d-52a1b0c9d8e7");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("limited to " + (PUSH.length - 1) + " bytes");
        assertThat(target.received()).isEmpty();
    }

    @Test
    void aPayloadSentInChunksIsCutOffAtTheLimitAndRefusedWith413() {
        RecordingTarget target = new RecordingTarget(FOLLOWED, Optional.of("main"));
        server = githubServer(target, 64 * 1024);
        byte[] padded = padded(PUSH, 256 * 1024);

        HttpResponse<String> response = server.postChunked("/webhooks/github", padded, Map.of(
                "X-GitHub-Event", "push",
                "X-Hub-Signature-256", githubSignature(SECRET, padded)));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(target.received()).isEmpty();
    }

    @Test
    void aPayloadOfExactlyTheLimitIsAccepted() {
        RecordingTarget target = new RecordingTarget(FOLLOWED, Optional.of("main"));
        server = githubServer(target, PUSH.length);

        HttpResponse<String> response = postPush(PUSH, "d394a7a0-b8a6-11f0-8c2d-52a1b0c9d8e7");

        assertThat(response.body()).isEqualTo("{\"status\":\"triggered\"}");
    }

    @Test
    void aSignedBodyThatIsNotJsonIsRefusedWith400() {
        RecordingTarget target = new RecordingTarget(FOLLOWED, Optional.of("main"));
        server = githubServer(target, WebhookSettings.DEFAULT_MAX_PAYLOAD_BYTES);
        byte[] torn = Arrays.copyOf(PUSH, PUSH.length / 2);

        HttpResponse<String> response = postPush(torn, "e4a5b8b0-b8a6-11f0-8c2d-52a1b0c9d8e7");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("not a JSON push payload").contains("line");
        assertThat(target.received()).isEmpty();
    }

    @Test
    void aSignedJsonBodyWithoutARefIsRefusedWith400() {
        RecordingTarget target = new RecordingTarget(FOLLOWED, Optional.of("main"));
        server = githubServer(target, WebhookSettings.DEFAULT_MAX_PAYLOAD_BYTES);
        byte[] noRef = "{\"after\":\"3b8d5f0a\",\"repository\":{\"full_name\":\"cardex-org/model-cards\"}}"
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = postPush(noRef, "f5b6c9c0-b8a6-11f0-8c2d-52a1b0c9d8e7");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("no \\\"ref\\\"");
        assertThat(target.received()).isEmpty();
    }

    @Test
    void aProviderWithoutASecretAnswers404SayingItIsNotEnabled() {
        RecordingTarget target = new RecordingTarget(FOLLOWED, Optional.of("main"));
        server = githubServer(target, WebhookSettings.DEFAULT_MAX_PAYLOAD_BYTES);

        HttpResponse<String> gitee = server.post("/webhooks/gitee", fixture("gitee-push.json"), Map.of(
                "X-Gitee-Event", "Push Hook", "X-Gitee-Token", SECRET));
        HttpResponse<String> gitlab = server.post("/webhooks/gitlab", fixture("gitlab-push.json"), Map.of(
                "X-Gitlab-Event", "Push Hook", "X-Gitlab-Token", SECRET));

        assertThat(gitee.statusCode()).isEqualTo(404);
        assertThat(gitee.body()).contains("Gitee webhook receiver is not enabled");
        assertThat(gitlab.statusCode()).isEqualTo(404);
        assertThat(gitlab.body()).contains("GitLab webhook receiver is not enabled");
        assertThat(target.received()).isEmpty();
    }

    private HttpResponse<String> postPush(byte[] body, String deliveryId) {
        return server.post("/webhooks/github", body, Map.of(
                "X-GitHub-Event", "push",
                "X-GitHub-Delivery", deliveryId,
                "X-Hub-Signature-256", githubSignature(SECRET, body)));
    }

    private static WebhookServer githubServer(PushTarget target, long maxPayloadBytes) {
        return WebhookServer.start(githubSettings(maxPayloadBytes), target);
    }

    private static WebhookSettings githubSettings(long maxPayloadBytes) {
        return new WebhookSettings(Optional.of(SECRET), Optional.empty(), Optional.empty(), maxPayloadBytes);
    }

    /** The payload with trailing whitespace up to {@code size} bytes: still valid JSON, just large. */
    private static byte[] padded(byte[] payload, int size) {
        byte[] padded = Arrays.copyOf(payload, size);
        Arrays.fill(padded, payload.length, size, (byte) ' ');
        return padded;
    }
}
