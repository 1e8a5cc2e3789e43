package io.cardex.indexer.verify;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import io.cardex.cardindex.AssetCheck;
import io.cardex.cardindex.AssetStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CacheAndRecheckTest {

    private static final byte[] CHECKPOINT = "weights v1".getBytes(StandardCharsets.UTF_8);
    private static final String DIGEST = Sha256.hex(CHECKPOINT);
    private static final String LAST_MODIFIED = "Tue, 11 Oct 2022 08:00:00 GMT";

    private final AssetServer server = AssetServer.start();
    private final AssetVerifier verifier = Verifiers.of(AssetServer.config());
    /** The file the server has now, or null when it is gone. */
    private final AtomicReference<byte[]> file = new AtomicReference<>(CHECKPOINT);
    private final AtomicInteger bodiesSent = new AtomicInteger();

    @AfterEach
    void stop() {
        verifier.close();
        server.close();
    }

    @Test
    void aVerifiedAssetIsNotDownloadedAgain() throws Exception {
        server.serve("/a.ckpt", CHECKPOINT);

        AssetCheck first = verifier.verify(server.url("/a.ckpt"), DIGEST).get(10, SECONDS);
        AssetCheck second = verifier.verify(server.url("/a.ckpt"), DIGEST.toUpperCase()).get(10, SECONDS);

        assertThat(second).isEqualTo(first);
        assertThat(server.requests("/a.ckpt")).isEqualTo(1);
    }

    @Test
    void callersAskingAtTheSameTimeShareOneDownload() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        server.handle("/a.ckpt", exchange -> {
            await(release);
            exchange.sendResponseHeaders(200, CHECKPOINT.length);
            exchange.getResponseBody().write(CHECKPOINT);
        });

        CompletableFuture<AssetCheck> first = verifier.verify(server.url("/a.ckpt"), DIGEST);
        CompletableFuture<AssetCheck> second = verifier.verify(server.url("/a.ckpt"), DIGEST);
        release.countDown();

        assertThat(first.get(10, SECONDS).status()).isEqualTo(AssetStatus.VERIFIED);
        assertThat(second.get(10, SECONDS)).isEqualTo(first.get());
        assertThat(server.requests("/a.ckpt")).isEqualTo(1);
    }

    @Test
    void aFailedCheckIsTriedAgain() throws Exception {
        server.handle("/a.ckpt", this::serveFile);
        file.set(null);
        assertThat(verifier.verify(server.url("/a.ckpt"), DIGEST).get(10, SECONDS).status())
                .isEqualTo(AssetStatus.UNREACHABLE);

        file.set(CHECKPOINT);
        AssetCheck again = verifier.verify(server.url("/a.ckpt"), DIGEST).get(10, SECONDS);

        assertThat(again.status()).isEqualTo(AssetStatus.VERIFIED);
        assertThat(server.requests("/a.ckpt")).isEqualTo(2);
    }

    @Test
    void anotherExpectedDigestIsCheckedOnItsOwn() throws Exception {
        server.serve("/a.ckpt", CHECKPOINT);
        verifier.verify(server.url("/a.ckpt"), DIGEST).get(10, SECONDS);

        AssetCheck other = verifier.verify(server.url("/a.ckpt"), "0".repeat(64)).get(10, SECONDS);

        assertThat(other.status()).isEqualTo(AssetStatus.MISMATCH);
        assertThat(server.requests("/a.ckpt")).isEqualTo(2);
    }

    @Test
    void aRecheckOfAnUnchangedFileDoesNotDownloadIt() throws Exception {
        server.handle("/a.ckpt", this::serveFile);
        AssetCheck verified = verifier.verify(server.url("/a.ckpt"), DIGEST).get(10, SECONDS);

        AssetCheck rechecked = verifier.recheck(server.url("/a.ckpt"), DIGEST).get(10, SECONDS);

        assertThat(rechecked.status()).isEqualTo(AssetStatus.VERIFIED);
        assertThat(rechecked.httpStatus()).isEqualTo(304);
        assertThat(rechecked.actualSha256()).isEqualTo(verified.actualSha256());
        assertThat(rechecked.bytes()).isEqualTo(CHECKPOINT.length);
        assertThat(server.requests("/a.ckpt")).isEqualTo(2);
        assertThat(bodiesSent).hasValue(1);
    }

    @Test
    void aRecheckOfAChangedFileDownloadsAndJudgesIt() throws Exception {
        server.handle("/a.ckpt", this::serveFile);
        verifier.verify(server.url("/a.ckpt"), DIGEST).get(10, SECONDS);
        byte[] changed = "weights v2".getBytes(StandardCharsets.UTF_8);
        file.set(changed);

        AssetCheck rechecked = verifier.recheck(server.url("/a.ckpt"), DIGEST).get(10, SECONDS);

        assertThat(rechecked.status()).isEqualTo(AssetStatus.MISMATCH);
        assertThat(rechecked.actualSha256()).isEqualTo(Sha256.hex(changed));
        assertThat(bodiesSent).hasValue(2);
    }

    @Test
    void aRecheckFindsAFileThatIsGoneAndForgetsItWasVerified() throws Exception {
        server.handle("/a.ckpt", this::serveFile);
        verifier.verify(server.url("/a.ckpt"), DIGEST).get(10, SECONDS);
        file.set(null);

        AssetCheck rechecked = verifier.recheck(server.url("/a.ckpt"), DIGEST).get(10, SECONDS);
        AssetCheck verifiedAgain = verifier.verify(server.url("/a.ckpt"), DIGEST).get(10, SECONDS);

        assertThat(rechecked.status()).isEqualTo(AssetStatus.UNREACHABLE);
        assertThat(rechecked.httpStatus()).isEqualTo(404);
        assertThat(verifiedAgain.status()).isEqualTo(AssetStatus.UNREACHABLE);
        assertThat(server.requests("/a.ckpt")).isEqualTo(3);
    }

    @Test
    void aRecheckOfAnAssetNeverVerifiedDownloadsIt() throws Exception {
        server.handle("/a.ckpt", this::serveFile);

        AssetCheck rechecked = verifier.recheck(server.url("/a.ckpt"), DIGEST).get(10, SECONDS);

        assertThat(rechecked.status()).isEqualTo(AssetStatus.VERIFIED);
        assertThat(rechecked.httpStatus()).isEqualTo(200);
        assertThat(bodiesSent).hasValue(1);
    }

    /** Serves {@link #file} like a static file server: with an ETag and Last-Modified, honouring If-None-Match. */
    private void serveFile(HttpExchange exchange) throws IOException {
        byte[] current = file.get();
        if (current == null) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        String etag = '"' + Sha256.hex(current).substring(0, 16) + '"';
        exchange.getResponseHeaders().set("ETag", etag);
        exchange.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        bodiesSent.incrementAndGet();
        exchange.sendResponseHeaders(200, current.length);
        exchange.getResponseBody().write(current);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
