package io.cardex.cli;

import io.cardex.ingest.WebhookSettings;
import java.util.Optional;

/**
 * The webhook secrets, from the environment only: an option would show them to every user of the
 * machine in the process list.
 */
final class WebhookSecrets {

    static final String GITHUB = "CARDEX_GITHUB_WEBHOOK_SECRET";
    static final String GITEE = "CARDEX_GITEE_WEBHOOK_SECRET";
    static final String GITLAB = "CARDEX_GITLAB_WEBHOOK_TOKEN";

    private WebhookSecrets() {
    }

    static WebhookSettings fromEnvironment() {
        return new WebhookSettings(secret(GITHUB), secret(GITEE), secret(GITLAB), WebhookSettings.DEFAULT_MAX_PAYLOAD_BYTES);
    }

    private static Optional<String> secret(String variable) {
        return Optional.ofNullable(System.getenv(variable)).filter(secret -> !secret.isBlank());
    }
}
