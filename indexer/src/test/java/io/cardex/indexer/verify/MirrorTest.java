package io.cardex.indexer.verify;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardex.card.CardRules;
import io.cardex.cardindex.AssetCheck;
import io.cardex.cardindex.AssetStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MirrorTest {

    private static final byte[] CHECKPOINT = "weights".getBytes(StandardCharsets.UTF_8);
    private static final String DIGEST = Sha256.hex(CHECKPOINT);

    private final AssetServer server = AssetServer.start();
    private final AssetVerifier verifier = Verifiers.of(AssetServer.config().toBuilder()
            .allowedHosts(CardRules.DEFAULT_ALLOWED_HOSTS)
            .mirrors(List.of(new Mirror("https://download.mindspore.cn/", server.url("/ms/")))).build());

    @AfterEach
    void stop() {
        verifier.close();
        server.close();
    }

    @Test
    void aLinkUnderAMirroredPrefixIsFetchedFromTheMirror() throws Exception {
        server.serve("/ms/models/r1.9/refinenet.ckpt", CHECKPOINT);
        String link = "https://download.mindspore.cn/models/r1.9/refinenet.ckpt";

        AssetCheck check = verifier.verify(link, DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.VERIFIED);
        assertThat(check.url()).isEqualTo(link);
        assertThat(check.finalUrl()).isEqualTo(server.url("/ms/models/r1.9/refinenet.ckpt"));
        assertThat(server.requests("/ms/models/r1.9/refinenet.ckpt")).isEqualTo(1);
    }

    @Test
    void aLinkOffTheAllowlistIsRefusedEvenThoughTheMirrorHostIsAllowed() throws Exception {
        AssetCheck check = verifier.verify("https://files.example.com/refinenet.ckpt", DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.BLOCKED);
    }
}
