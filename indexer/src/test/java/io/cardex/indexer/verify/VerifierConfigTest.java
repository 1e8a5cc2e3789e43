package io.cardex.indexer.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cardex.card.CardRules;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class VerifierConfigTest {

    @Test
    void theDefaultsFetchFromTheHubsHostsOnly() {
        VerifierConfig config = VerifierConfig.DEFAULT;

        assertThat(config.allowedHosts()).isEqualTo(CardRules.DEFAULT_ALLOWED_HOSTS);
        assertThat(config.allowLoopback()).isFalse();
        assertThat(config.allowPrivateAddresses()).isFalse();
        assertThat(config.maxBytes()).isEqualTo(4L << 30);
        assertThat(config.maxRedirects()).isEqualTo(5);
        assertThat(config.concurrency()).isEqualTo(4);
        assertThat(config.mirrors()).isEmpty();
        assertThat(config.progressEvery()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aBadSettingIsNamedInWordsNotAsAJavaField() {
        assertThatThrownBy(() -> VerifierConfig.builder().maxBytes(0).build())
                .hasMessage("the largest asset to download must be at least 1 byte, not 0");
        assertThatThrownBy(() -> VerifierConfig.builder().concurrency(0).build())
                .hasMessage("the downloads of assets at once must be between 1 and 256, not 0");
        assertThatThrownBy(() -> VerifierConfig.builder().maxRedirects(-1).build())
                .hasMessage("the redirects followed to an asset must be between 0 and 20, not -1");
        assertThatThrownBy(() -> VerifierConfig.builder().timeouts(Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(1)).build()).hasMessageStartingWith("the time to connect to an asset's server");
        assertThatThrownBy(() -> VerifierConfig.builder().timeouts(Duration.ofSeconds(1), Duration.ofSeconds(-1),
                Duration.ofSeconds(1)).build()).hasMessageStartingWith("the time an asset's server may stay silent");
        assertThatThrownBy(() -> VerifierConfig.builder().progressEvery(Duration.ZERO).build())
                .hasMessageStartingWith("the interval between progress lines");
    }

    @Test
    void aBuilderChangesOnlyWhatItIsTold() {
        VerifierConfig config = VerifierConfig.builder().concurrency(8).allowLoopback(true).build();

        assertThat(config.concurrency()).isEqualTo(8);
        assertThat(config.allowLoopback()).isTrue();
        assertThat(config.toBuilder().concurrency(4).allowLoopback(false).build()).isEqualTo(VerifierConfig.DEFAULT);
    }

    @Test
    void aMirrorMustBeAnHttpUrlWithAHost() {
        assertThatThrownBy(() -> new Mirror("https://download.mindspore.cn/", "ftp://mirror/"))
                .hasMessageContaining("toPrefix");
        assertThatThrownBy(() -> new Mirror("https://download.mindspore.cn/", "http:///ms/"))
                .hasMessageContaining("names no host");
    }

    @Test
    void theFirstMatchingMirrorRewritesALink() {
        VerifierConfig config = VerifierConfig.builder().mirrors(List.of(
                new Mirror("https://download.mindspore.cn/models/", "http://models.mirror.internal/"),
                new Mirror("https://download.mindspore.cn/", "http://mirror.internal/ms/"))).build();

        assertThat(config.fetchUrl("https://download.mindspore.cn/models/a.ckpt"))
                .isEqualTo("http://models.mirror.internal/a.ckpt");
        assertThat(config.fetchUrl("https://download.mindspore.cn/other/b.ckpt"))
                .isEqualTo("http://mirror.internal/ms/other/b.ckpt");
        assertThat(config.fetchUrl("https://gitee.com/c.ckpt")).isEqualTo("https://gitee.com/c.ckpt");
    }
}
