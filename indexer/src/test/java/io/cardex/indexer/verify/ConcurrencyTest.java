package io.cardex.indexer.verify;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardex.cardindex.AssetCheck;
import io.cardex.cardindex.AssetStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    private static final byte[] CHECKPOINT = "weights".getBytes(StandardCharsets.UTF_8);
    private static final String DIGEST = Sha256.hex(CHECKPOINT);

    private final AssetServer server = AssetServer.start();
    private final AssetVerifier verifier = Verifiers.of(AssetServer.config().toBuilder().concurrency(2).build());
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        verifier.close();
        server.close();
    }

    @Test
    void neverMoreDownloadsRunThanTheLimit() throws Exception {
        server.handle("/", exchange -> {
            // Slow enough that the verifier would start more at once if it were allowed to.
            sleep(Duration.ofMillis(100));
            exchange.sendResponseHeaders(200, CHECKPOINT.length);
            exchange.getResponseBody().write(CHECKPOINT);
        });

        List<CompletableFuture<AssetCheck>> checks = IntStream.range(0, 8)
                .mapToObj(i -> verifier.verify(server.url("/asset-" + i + ".ckpt"), DIGEST)).toList();

        for (CompletableFuture<AssetCheck> check : checks) {
            assertThat(check.get(10, SECONDS).status()).isEqualTo(AssetStatus.VERIFIED);
        }
        assertThat(server.mostConcurrentRequests()).isEqualTo(2);
    }

    @Test
    void aSlowAssetDoesNotHoldUpTheOthers() throws Exception {
        server.handle("/slow.ckpt", exchange -> await(release));
        server.serve("/fast-1.ckpt", CHECKPOINT);
        server.serve("/fast-2.ckpt", CHECKPOINT);
        server.serve("/fast-3.ckpt", CHECKPOINT);

        CompletableFuture<AssetCheck> slow = verifier.verify(server.url("/slow.ckpt"), DIGEST);
        List<CompletableFuture<AssetCheck>> fast = IntStream.rangeClosed(1, 3)
                .mapToObj(i -> verifier.verify(server.url("/fast-" + i + ".ckpt"), DIGEST)).toList();

        for (CompletableFuture<AssetCheck> check : fast) {
            assertThat(check.get(10, SECONDS).status()).isEqualTo(AssetStatus.VERIFIED);
        }
        assertThat(slow).isNotDone();
    }

    @Test
    void checksUnfinishedWhenTheVerifierClosesArePending() throws Exception {
        server.handle("/slow.ckpt", exchange -> await(release));
        CompletableFuture<AssetCheck> slow = verifier.verify(server.url("/slow.ckpt"), DIGEST);

        verifier.close();

        AssetCheck check = slow.get(10, SECONDS);
        assertThat(check.status()).isEqualTo(AssetStatus.PENDING);
        assertThat(check.url()).isEqualTo(server.url("/slow.ckpt"));
        assertThat(verifier.verify(server.url("/other.ckpt"), DIGEST).get(10, SECONDS).status())
                .isEqualTo(AssetStatus.PENDING);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
