package io.cardex.ingest.webhook;

import java.util.Optional;

/** GitLab's webhooks: the configured secret token sent back as is in {@code X-Gitlab-Token}. */
final class GitLabWebhook implements ProviderWebhook {

    private static final String TOKEN_HEADER = "X-Gitlab-Token";

    private final String token;

    GitLabWebhook(String token) {
        this.token = token;
    }

    @Override
    public Provider provider() {
        return Provider.GITLAB;
    }

    @Override
    public boolean isAuthentic(WebhookRequest request) {
        return request.header(TOKEN_HEADER).map(presented -> Signatures.equal(token, presented)).orElse(false);
    }

    @Override
    public String credentialHeader() {
        return TOKEN_HEADER;
    }

    @Override
    public String eventHeader() {
        return "X-Gitlab-Event";
    }

    @Override
    public String pushEvent() {
        return "Push Hook";
    }

    /**
     * {@code Idempotency-Key} first: it is the one GitLab keeps when it retries a delivery, while
     * older GitLab versions send only the event UUID.
     */
    @Override
    public Optional<String> deliveryId(WebhookRequest request) {
        return request.header("Idempotency-Key").or(() -> request.header("X-Gitlab-Event-UUID"));
    }

    /** GitLab's {@code repository} lacks the namespaced path; {@code project} has all of it. */
    @Override
    public PushPayload.RepositoryFields repositoryOf(PushPayload payload) {
        return payload.project();
    }
}
