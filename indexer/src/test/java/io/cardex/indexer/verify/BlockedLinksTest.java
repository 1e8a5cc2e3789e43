package io.cardex.indexer.verify;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardex.cardindex.AssetCheck;
import io.cardex.cardindex.AssetStatus;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlockedLinksTest {

    private static final byte[] CHECKPOINT = "weights".getBytes(StandardCharsets.UTF_8);
    private static final String DIGEST = Sha256.hex(CHECKPOINT);

    private final AssetServer server = AssetServer.start();
    private AssetVerifier verifier;

    @AfterEach
    void stop() {
        verifier.close();
        server.close();
    }

    @Test
    void aLoopbackAddressIsRefusedUnlessAllowed() throws Exception {
        verifier = Verifiers.of(AssetServer.config().toBuilder().allowLoopback(false).build());
        server.serve("/a.ckpt", CHECKPOINT);

        AssetCheck check = verifier.verify(server.url("/a.ckpt"), DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.BLOCKED);
        assertThat(check.error()).contains("127.0.0.1 is a loopback address");
        assertThat(server.requests("/a.ckpt")).isZero();
    }

    @Test
    void aHostNameIsJudgedByTheAddressItResolvesTo() throws Exception {
        verifier = Verifiers.of(AssetServer.config().toBuilder().allowedHosts(Set.of("localhost")).allowLoopback(false).build());

        AssetCheck check = verifier.verify(server.url("/a.ckpt").replace("127.0.0.1", "localhost"), DIGEST)
                .get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.BLOCKED);
        assertThat(check.error()).contains("localhost resolves to", "a loopback address");
    }

    @Test
    void aPrivateAddressIsRefusedWithoutConnecting() throws Exception {
        verifier = Verifiers.of(AssetServer.config().toBuilder().allowedHosts(Set.of("10.0.0.1")).build());

        AssetCheck check = verifier.verify("http://10.0.0.1/models/a.ckpt", DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.BLOCKED);
        assertThat(check.httpStatus()).isNull();
        assertThat(check.error()).contains("10.0.0.1 is a private address");
    }

    @Test
    void theCloudMetadataServiceIsRefusedEvenWithPrivateAddressesAllowed() throws Exception {
        verifier = Verifiers.of(AssetServer.config().toBuilder().allowedHosts(Set.of("169.254.169.254"))
                .allowPrivateAddresses(true).build());

        AssetCheck check = verifier.verify("http://169.254.169.254/latest/meta-data/", DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.BLOCKED);
        assertThat(check.error()).contains("a link-local address");
    }

    @Test
    void onlyHttpAndHttpsAreFetched() throws Exception {
        verifier = Verifiers.of(VerifierConfig.DEFAULT);

        AssetCheck check = verifier.verify("ftp://download.mindspore.cn/a.ckpt", DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.BLOCKED);
        assertThat(check.finalUrl()).isNull();
        assertThat(check.error()).contains("only http and https", "not ftp");
    }

    @Test
    void aHostOffTheAllowlistIsRefusedAndTheAllowedOnesNamed() throws Exception {
        verifier = Verifiers.of(VerifierConfig.DEFAULT);

        AssetCheck check = verifier.verify("https://files.example.com/a.ckpt", DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.BLOCKED);
        assertThat(check.error()).contains("files.example.com is not an allowed asset host",
                "download.mindspore.cn", "gitee.com");
    }

    @Test
    void somethingThatIsNoUrlIsRefused() throws Exception {
        verifier = Verifiers.of(VerifierConfig.DEFAULT);

        AssetCheck check = verifier.verify("https://download.mindspore.cn/a b|c.ckpt", DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.BLOCKED);
        assertThat(check.error()).contains("is not a valid URL");
    }

    @Test
    void aMissingLinkIsRefused() throws Exception {
        verifier = Verifiers.of(VerifierConfig.DEFAULT);

        AssetCheck check = verifier.verify(null, DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.BLOCKED);
        assertThat(check.error()).isEqualTo("the card gives no link");
    }
}
