package io.cardex.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookSettingsTest {

    @Test
    void aBlankSecretIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new WebhookSettings(Optional.empty(), Optional.of("  "), Optional.empty(), 1024))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Gitee webhook secret is blank");
    }

    @Test
    void thePayloadLimitMustBePositiveAndAtMost64MiB() {
        assertThatThrownBy(() -> new WebhookSettings(Optional.of("s"), Optional.empty(), Optional.empty(), 0))
                .hasMessageContaining("payload limit");
        assertThatThrownBy(() -> new WebhookSettings(Optional.of("s"), Optional.empty(), Optional.empty(), 65L * 1024 * 1024))
                .hasMessageContaining("64 MiB");
    }

    @Test
    void printingTheSettingsNeverShowsASecret() {
        WebhookSettings settings = new WebhookSettings(Optional.of("gh-secret-1"), Optional.empty(), Optional.of("gl-token-2"),
                WebhookSettings.DEFAULT_MAX_PAYLOAD_BYTES);

        assertThat(settings.toString()).doesNotContain("gh-secret-1", "gl-token-2")
                .contains("github=enabled", "gitee=disabled", "gitlab=enabled");
    }
}
