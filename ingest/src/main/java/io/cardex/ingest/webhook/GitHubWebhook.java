package io.cardex.ingest.webhook;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/** GitHub's webhooks: the body signed with HMAC-SHA256 in {@code X-Hub-Signature-256}. */
final class GitHubWebhook implements ProviderWebhook {

    private static final String SIGNATURE_HEADER = "X-Hub-Signature-256";
    private static final String SIGNATURE_PREFIX = "sha256=";

    private final String secret;

    GitHubWebhook(String secret) {
        this.secret = secret;
    }

    @Override
    public Provider provider() {
        return Provider.GITHUB;
    }

    @Override
    public boolean isAuthentic(WebhookRequest request) {
        String expected = HexFormat.of().formatHex(Signatures.hmacSha256(secret, request.body()));
        return request.header(SIGNATURE_HEADER)
                .filter(signature -> signature.startsWith(SIGNATURE_PREFIX))
                .map(signature -> signature.substring(SIGNATURE_PREFIX.length()).toLowerCase(Locale.ROOT))
                .map(presented -> Signatures.equal(expected, presented))
                .orElse(false);
    }

    @Override
    public String credentialHeader() {
        return SIGNATURE_HEADER;
    }

    @Override
    public String eventHeader() {
        return "X-GitHub-Event";
    }

    @Override
    public String pushEvent() {
        return "push";
    }

    @Override
    public Optional<String> pingEvent() {
        return Optional.of("ping");
    }

    @Override
    public Optional<String> deliveryId(WebhookRequest request) {
        return request.header("X-GitHub-Delivery");
    }

    @Override
    public PushPayload.RepositoryFields repositoryOf(PushPayload payload) {
        return payload.repository();
    }
}
