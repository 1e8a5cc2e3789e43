package io.cardex.ingest;

import java.util.Objects;
import java.util.Optional;

/**
 * Which webhook receivers are enabled and with which secrets. A provider without a secret has
 * its receiver disabled: it answers 404, since an unauthenticated push could be sent by anyone.
 *
 * @param githubSecret    the secret GitHub signs deliveries with ({@code X-Hub-Signature-256})
 * @param giteeSecret     the Gitee WebHook password, or signing key ({@code X-Gitee-Token})
 * @param gitlabToken     the GitLab secret token ({@code X-Gitlab-Token})
 * @param maxPayloadBytes the largest body accepted; larger deliveries are refused with 413
 */
public record WebhookSettings(Optional<String> githubSecret, Optional<String> giteeSecret,
                              Optional<String> gitlabToken, long maxPayloadBytes) {

    public static final long DEFAULT_MAX_PAYLOAD_BYTES = 1024 * 1024;
    /** Bodies are held in memory to be verified; GitHub itself never sends more than 25 MB. */
    static final long MAX_PAYLOAD_LIMIT = 64L * 1024 * 1024;

    /** Every receiver off: pushes are then only found by polling. */
    public static WebhookSettings none() {
        return new WebhookSettings(Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_MAX_PAYLOAD_BYTES);
    }

    public WebhookSettings {
        requireNotBlank(githubSecret, "the GitHub webhook secret");
        requireNotBlank(giteeSecret, "the Gitee webhook secret");
        requireNotBlank(gitlabToken, "the GitLab webhook token");
        if (maxPayloadBytes < 1 || maxPayloadBytes > MAX_PAYLOAD_LIMIT) {
            throw new IllegalArgumentException("the webhook payload limit must be between 1 byte and "
                    + MAX_PAYLOAD_LIMIT + " bytes (64 MiB), not " + maxPayloadBytes);
        }
    }

    /** Says which receivers are enabled, never the secrets themselves, so that settings can be logged. */
    @Override
    public String toString() {
        return "WebhookSettings[github=" + enabled(githubSecret) + ", gitee=" + enabled(giteeSecret)
                + ", gitlab=" + enabled(gitlabToken) + ", maxPayloadBytes=" + maxPayloadBytes + "]";
    }

    private static String enabled(Optional<String> secret) {
        return secret.isPresent() ? "enabled" : "disabled";
    }

    private static void requireNotBlank(Optional<String> secret, String setting) {
        Objects.requireNonNull(secret, setting);
        if (secret.filter(String::isBlank).isPresent()) {
            throw new IllegalArgumentException(setting + " is blank: give a secret to enable the receiver, or none to disable it");
        }
    }
}
