package io.cardex.indexer.verify;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardex.cardindex.AssetCheck;
import io.cardex.cardindex.AssetStatus;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedirectsTest {

    private static final byte[] CHECKPOINT = "weights".getBytes(StandardCharsets.UTF_8);
    private static final String DIGEST = Sha256.hex(CHECKPOINT);

    private final AssetServer server = AssetServer.start();
    private final AssetVerifier verifier = Verifiers.of(AssetServer.config());

    @AfterEach
    void stop() {
        verifier.close();
        server.close();
    }

    @Test
    void aChainOfRedirectsIsFollowedToTheFile() throws Exception {
        server.redirect("/latest.ckpt", server.url("/releases/latest"));
        server.redirect("/releases/latest", "v2/model.ckpt");
        server.serve("/releases/v2/model.ckpt", CHECKPOINT);

        AssetCheck check = verifier.verify(server.url("/latest.ckpt"), DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.VERIFIED);
        assertThat(check.url()).isEqualTo(server.url("/latest.ckpt"));
        assertThat(check.finalUrl()).isEqualTo(server.url("/releases/v2/model.ckpt"));
        assertThat(server.requests("/latest.ckpt")).isEqualTo(1);
        assertThat(server.requests("/releases/latest")).isEqualTo(1);
        assertThat(server.requests("/releases/v2/model.ckpt")).isEqualTo(1);
    }

    @Test
    void aRedirectLoopIsReported() throws Exception {
        server.redirect("/a", "/b");
        server.redirect("/b", "/a");

        AssetCheck check = verifier.verify(server.url("/a"), DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.UNREACHABLE);
        assertThat(check.error()).startsWith("redirect loop: ").contains(server.url("/a"), server.url("/b"));
        assertThat(server.requests("/a")).isEqualTo(1);
    }

    @Test
    void atMostFiveRedirectsAreFollowed() throws Exception {
        for (int hop = 0; hop < 6; hop++) {
            server.redirect("/hop" + hop, "/hop" + (hop + 1));
        }
        server.serve("/hop6", CHECKPOINT);

        AssetCheck check = verifier.verify(server.url("/hop0"), DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.UNREACHABLE);
        assertThat(check.error()).startsWith("more than 5 redirects");
        assertThat(server.requests("/hop6")).isZero();
    }

    @Test
    void fiveRedirectsAreFine() throws Exception {
        for (int hop = 0; hop < 5; hop++) {
            server.redirect("/hop" + hop, "/hop" + (hop + 1));
        }
        server.serve("/hop5", CHECKPOINT);

        AssetCheck check = verifier.verify(server.url("/hop0"), DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.VERIFIED);
    }

    @Test
    void aRedirectToAHostNotAllowedIsBlocked() throws Exception {
        server.redirect("/a.ckpt", "http://attacker.example/a.ckpt");

        AssetCheck check = verifier.verify(server.url("/a.ckpt"), DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.BLOCKED);
        assertThat(check.finalUrl()).isEqualTo("http://attacker.example/a.ckpt");
        assertThat(check.error()).contains("redirected to http://attacker.example/a.ckpt",
                "attacker.example is not an allowed asset host");
    }

    @Test
    void aRedirectToAnotherSchemeIsBlocked() throws Exception {
        server.redirect("/a.ckpt", "file:///etc/passwd");

        AssetCheck check = verifier.verify(server.url("/a.ckpt"), DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.BLOCKED);
        assertThat(check.error()).contains("only http and https");
    }

    @Test
    void aRedirectToAnAddressNotAllowedIsBlocked() throws Exception {
        try (AssetVerifier strict = Verifiers.of(AssetServer.config().toBuilder()
                .allowedHosts(Set.of("127.0.0.1", "10.0.0.1")).allowPrivateAddresses(false).build())) {
            server.redirect("/a.ckpt", "http://10.0.0.1/a.ckpt");

            AssetCheck check = strict.verify(server.url("/a.ckpt"), DIGEST).get(10, SECONDS);

            assertThat(check.status()).isEqualTo(AssetStatus.BLOCKED);
            assertThat(check.error()).contains("10.0.0.1", "a private address");
        }
    }
}
