package io.cardex.indexer.verify;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardex.cardindex.AssetCheck;
import io.cardex.cardindex.AssetStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MetersTest {

    private static final byte[] CHECKPOINT = "weights of a small model".getBytes(StandardCharsets.UTF_8);
    private static final String DIGEST = Sha256.hex(CHECKPOINT);
    private static final long LIMIT = 1000;

    private final AssetServer server = AssetServer.start();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AssetVerifier verifier = new AssetVerifier(AssetServer.config().toBuilder().maxBytes(LIMIT).build(),
            Clock.systemUTC(), registry);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        verifier.close();
        server.close();
    }

    @Test
    void checksAreCountedByWhatTheyFoundWithTheirBytesAndDurations() throws Exception {
        server.serve("/good.ckpt", CHECKPOINT);
        server.serve("/other.ckpt", "other weights".getBytes(StandardCharsets.UTF_8));
        server.status("/gone.ckpt", 404);
        server.serve("/huge.ckpt", new byte[(int) LIMIT + 1]);

        check(server.url("/good.ckpt"));
        check(server.url("/other.ckpt"));
        check(server.url("/gone.ckpt"));
        check(server.url("/huge.ckpt"));
        check("http://example.org/elsewhere.ckpt");
        check(server.url("/good.ckpt"));

        assertThat(checks("verified")).as("a verified result reused is not a new check").isEqualTo(1);
        assertThat(checks("mismatch")).isEqualTo(1);
        assertThat(checks("unreachable")).isEqualTo(1);
        assertThat(checks("too_large")).isEqualTo(1);
        assertThat(checks("blocked")).isEqualTo(1);
        assertThat(registry.get("cardex.asset.check.duration").timer().count()).isEqualTo(5);
        // The file over the limit announced its size and was not downloaded.
        assertThat(registry.get("cardex.asset.download.bytes").counter().count())
                .isEqualTo(CHECKPOINT.length + "other weights".length());
    }

    @Test
    void aDownloadIsCountedAsInProgressUntilItEnds() throws Exception {
        CountDownLatch sending = new CountDownLatch(1);
        server.handle("/slow.ckpt", exchange -> {
            exchange.sendResponseHeaders(200, CHECKPOINT.length);
            exchange.getResponseBody().write(CHECKPOINT, 0, 10);
            exchange.getResponseBody().flush();
            sending.countDown();
            await(release);
            exchange.getResponseBody().write(CHECKPOINT, 10, CHECKPOINT.length - 10);
        });

        CompletableFuture<AssetCheck> check = verifier.verify(server.url("/slow.ckpt"), DIGEST);
        assertThat(sending.await(10, SECONDS)).isTrue();

        assertThat(downloadsInProgress()).isEqualTo(1);
        release.countDown();
        assertThat(check.get(10, SECONDS).status()).isEqualTo(AssetStatus.VERIFIED);
        assertThat(downloadsInProgress()).isZero();
    }

    private void check(String url) throws Exception {
        verifier.verify(url, DIGEST).get(10, SECONDS);
    }

    private double checks(String status) {
        return registry.get("cardex.asset.checks").tag("status", status).counter().count();
    }

    private double downloadsInProgress() {
        return registry.get("cardex.asset.downloads.active").gauge().value();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
