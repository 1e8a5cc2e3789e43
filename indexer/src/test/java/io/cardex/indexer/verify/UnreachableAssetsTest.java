package io.cardex.indexer.verify;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardex.cardindex.AssetCheck;
import io.cardex.cardindex.AssetStatus;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class UnreachableAssetsTest {

    private static final byte[] CHECKPOINT = "checkpoint ".repeat(400).getBytes(StandardCharsets.US_ASCII);
    private static final String DIGEST = Sha256.hex(CHECKPOINT);

    private final AssetServer server = AssetServer.start();
    private final CountDownLatch testOver = new CountDownLatch(1);
    private AssetVerifier verifier = Verifiers.of(AssetServer.config());

    @AfterEach
    void stop() {
        testOver.countDown();
        verifier.close();
        server.close();
    }

    @Test
    void aMissingFileIsUnreachableWithItsHttpStatus() throws Exception {
        server.status("/gone.ckpt", 404);

        AssetCheck check = verifier.verify(server.url("/gone.ckpt"), DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.UNREACHABLE);
        assertThat(check.httpStatus()).isEqualTo(404);
        assertThat(check.error()).contains("HTTP 404", "not found");
    }

    @Test
    void aServerErrorIsUnreachableWithItsHttpStatus() throws Exception {
        server.status("/a.ckpt", 500);

        AssetCheck check = verifier.verify(server.url("/a.ckpt"), DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.UNREACHABLE);
        assertThat(check.httpStatus()).isEqualTo(500);
        assertThat(check.error()).contains("HTTP 500");
    }

    @Test
    void aRefusedConnectionIsUnreachableAndSaysSo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        AssetCheck check = verifier.verify("http://127.0.0.1:" + closedPort + "/a.ckpt", DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.UNREACHABLE);
        assertThat(check.httpStatus()).isNull();
        assertThat(check.error())
                .isEqualToIgnoringCase("could not connect to 127.0.0.1:" + closedPort + ": connection refused");
    }

    @Test
    void anUnknownHostIsUnreachable() throws Exception {
        verifier = Verifiers.of(AssetServer.config().toBuilder().allowedHosts(Set.of("invalid")).build());

        AssetCheck check = verifier.verify("https://nothing.invalid/a.ckpt", DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.UNREACHABLE);
        assertThat(check.error()).contains("nothing.invalid was not found");
    }

    @Test
    void aServerThatNeverAnswersIsUnreachable() throws Exception {
        verifier = Verifiers.of(shortTimeouts());
        server.handle("/silent.ckpt", exchange -> awaitTestOver());

        AssetCheck check = verifier.verify(server.url("/silent.ckpt"), DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.UNREACHABLE);
        assertThat(check.error()).contains("no response from 127.0.0.1", "within 300 ms");
    }

    @Test
    void aDownloadThatStallsIsUnreachable() throws Exception {
        verifier = Verifiers.of(shortTimeouts());
        server.handle("/stalls.ckpt", exchange -> {
            exchange.sendResponseHeaders(200, CHECKPOINT.length);
            exchange.getResponseBody().write(CHECKPOINT, 0, 100);
            exchange.getResponseBody().flush();
            awaitTestOver();
        });

        AssetCheck check = verifier.verify(server.url("/stalls.ckpt"), DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.UNREACHABLE);
        assertThat(check.bytes()).isEqualTo(100);
        assertThat(check.error()).contains("stalled", "no data for 300 ms");
    }

    @Test
    void aServerTricklingBytesRunsIntoTheTotalTimeout() throws Exception {
        verifier = Verifiers.of(shortTimeouts());
        server.handle("/trickles.ckpt", exchange -> {
            exchange.sendResponseHeaders(200, CHECKPOINT.length);
            AssetServer.trickle(exchange, CHECKPOINT, 1, Duration.ofMillis(20));
        });

        AssetCheck check = verifier.verify(server.url("/trickles.ckpt"), DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.UNREACHABLE);
        assertThat(check.bytes()).isPositive().isLessThan(CHECKPOINT.length);
        assertThat(check.error()).contains("longer than its limit of 1 s");
    }

    @Test
    void aBodyCutShortIsUnreachable() throws Exception {
        server.handle("/cut.ckpt", exchange -> {
            exchange.sendResponseHeaders(200, CHECKPOINT.length);
            exchange.getResponseBody().write(CHECKPOINT, 0, 1000);
            exchange.getResponseBody().flush();
            // Closing the connection mid-body: the client sees fewer bytes than announced.
            exchange.close();
        });

        AssetCheck check = verifier.verify(server.url("/cut.ckpt"), DIGEST).get(10, SECONDS);

        // Depending on how fast the client sees the close, before or after the headers, the error
        // names the request or the body: either way the file is not there.
        assertThat(check.status()).isEqualTo(AssetStatus.UNREACHABLE);
        assertThat(check.actualSha256()).isNull();
    }

    private static VerifierConfig shortTimeouts() {
        return AssetServer.config().toBuilder().timeouts(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofSeconds(1)).build();
    }

    private void awaitTestOver() {
        try {
            testOver.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
