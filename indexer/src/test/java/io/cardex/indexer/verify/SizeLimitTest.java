package io.cardex.indexer.verify;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardex.cardindex.AssetCheck;
import io.cardex.cardindex.AssetStatus;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SizeLimitTest {

    private static final int LIMIT = 1000;

    private final AssetServer server = AssetServer.start();
    private final AssetVerifier verifier = Verifiers.of(AssetServer.config().toBuilder().maxBytes(LIMIT).build());

    @AfterEach
    void stop() {
        verifier.close();
        server.close();
    }

    @Test
    void aFileAnnouncedLargerThanTheLimitIsNotDownloaded() throws Exception {
        long announced = 64L << 20;
        AtomicBoolean sentWhole = new AtomicBoolean();
        server.handle("/large.ckpt", exchange -> {
            exchange.sendResponseHeaders(200, announced);
            byte[] block = new byte[1 << 20];
            for (long sent = 0; sent < announced; sent += block.length) {
                exchange.getResponseBody().write(block);
            }
            sentWhole.set(true);
        });

        AssetCheck check = verifier.verify(server.url("/large.ckpt"), "0".repeat(64)).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.TOO_LARGE);
        assertThat(check.bytes()).isZero();
        assertThat(check.actualSha256()).isNull();
        assertThat(check.error()).contains(announced + " bytes", "limit of " + LIMIT, "not downloaded");
        assertThat(sentWhole).isFalse();
    }

    @Test
    void aFileThatTurnsOutLargerThanTheLimitIsCutOff() throws Exception {
        byte[] large = new byte[LIMIT * 50];
        server.handle("/unannounced.ckpt", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            AssetServer.trickle(exchange, large, 100, Duration.ofMillis(1));
        });

        AssetCheck check = verifier.verify(server.url("/unannounced.ckpt"), Sha256.hex(large)).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.TOO_LARGE);
        assertThat(check.bytes()).isGreaterThan(LIMIT).isLessThan(large.length);
        assertThat(check.actualSha256()).isNull();
        assertThat(check.error()).contains("larger than the limit of " + LIMIT, "stopped");
    }

    @Test
    void aFileOfExactlyTheLimitIsVerified() throws Exception {
        byte[] exact = new byte[LIMIT];
        Arrays.fill(exact, (byte) 7);
        server.serve("/exact.ckpt", exact);

        AssetCheck check = verifier.verify(server.url("/exact.ckpt"), Sha256.hex(exact)).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.VERIFIED);
    }
}
