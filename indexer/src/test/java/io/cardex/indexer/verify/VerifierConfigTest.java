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
    void aBadSettingIsNamed() {
        assertThatThrownBy(() -> VerifierConfig.DEFAULT.withMaxBytes(0)).hasMessageContaining("maxBytes");
        assertThatThrownBy(() -> VerifierConfig.DEFAULT.withConcurrency(0)).hasMessageContaining("concurrency");
        assertThatThrownBy(() -> VerifierConfig.DEFAULT.withMaxRedirects(-1)).hasMessageContaining("maxRedirects");
        assertThatThrownBy(() -> VerifierConfig.DEFAULT.withTimeouts(Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(1))).hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> VerifierConfig.DEFAULT.withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(-1),
                Duration.ofSeconds(1))).hasMessageContaining("readTimeout");
        assertThatThrownBy(() -> VerifierConfig.DEFAULT.withProgressEvery(Duration.ZERO))
                .hasMessageContaining("progressEvery");
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
        VerifierConfig config = VerifierConfig.DEFAULT.withMirrors(List.of(
                new Mirror("https://download.mindspore.cn/models/", "http://models.mirror.internal/"),
                new Mirror("https://download.mindspore.cn/", "http://mirror.internal/ms/")));

        assertThat(config.fetchUrl("https://download.mindspore.cn/models/a.ckpt"))
                .isEqualTo("http://models.mirror.internal/a.ckpt");
        assertThat(config.fetchUrl("https://download.mindspore.cn/other/b.ckpt"))
                .isEqualTo("http://mirror.internal/ms/other/b.ckpt");
        assertThat(config.fetchUrl("https://gitee.com/c.ckpt")).isEqualTo("https://gitee.com/c.ckpt");
    }
}
