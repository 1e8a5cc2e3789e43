package io.cardex.ingest.webhook;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Gitee's webhooks. {@code X-Gitee-Token} carries either the WebHook password itself or, when the
 * hook is set to sign, {@code Base64(HMAC-SHA256(secret, timestamp + "\n" + secret))} computed
 * with the millisecond {@code X-Gitee-Timestamp}. Both are accepted, as the same secret setting
 * serves either mode. The signature does not cover the body, so the timestamp must be within an
 * hour of now, as Gitee's documentation requires, to keep a captured token from being replayed
 * indefinitely.
 */
final class GiteeWebhook implements ProviderWebhook {

    private static final String TOKEN_HEADER = "X-Gitee-Token";
    private static final String TIMESTAMP_HEADER = "X-Gitee-Timestamp";
    private static final Duration SIGNATURE_VALIDITY = Duration.ofHours(1);

    private final String secret;
    private final Clock clock;

    GiteeWebhook(String secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    @Override
    public Provider provider() {
        return Provider.GITEE;
    }

    @Override
    public boolean isAuthentic(WebhookRequest request) {
        Optional<String> token = request.header(TOKEN_HEADER);
        if (token.isEmpty()) {
            return false;
        }
        if (Signatures.equal(secret, token.get())) {
            return true;
        }
        return request.header(TIMESTAMP_HEADER)
                .filter(this::isRecent)
                .map(this::signature)
                // Gitee's documentation URL-encodes the signature, as for a query parameter; its
                // header carries it plain. Either is accepted rather than guessing which one is sent.
                .map(signature -> Signatures.equal(signature, token.get())
                        || Signatures.equal(URLEncoder.encode(signature, StandardCharsets.UTF_8), token.get()))
                .orElse(false);
    }

    private boolean isRecent(String timestamp) {
        try {
            long age = clock.millis() - Long.parseLong(timestamp);
            return Math.abs(age) <= SIGNATURE_VALIDITY.toMillis();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private String signature(String timestamp) {
        byte[] mac = Signatures.hmacSha256(secret, (timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(mac);
    }

    @Override
    public String credentialHeader() {
        return TOKEN_HEADER;
    }

    @Override
    public String eventHeader() {
        return "X-Gitee-Event";
    }

    @Override
    public String pushEvent() {
        return "Push Hook";
    }

    /** Gitee names no delivery id in its documentation; the timestamp stands in for one. */
    @Override
    public Optional<String> deliveryId(WebhookRequest request) {
        return request.header("X-Gitee-Delivery").or(() -> request.header(TIMESTAMP_HEADER));
    }

    @Override
    public PushPayload.RepositoryFields repositoryOf(PushPayload payload) {
        return payload.repository();
    }
}
