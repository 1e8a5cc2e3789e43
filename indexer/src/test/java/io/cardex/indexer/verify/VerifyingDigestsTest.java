package io.cardex.indexer.verify;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.cardex.card.Asset;
import io.cardex.cardindex.AssetCheck;
import io.cardex.cardindex.AssetStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerifyingDigestsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final byte[] CHECKPOINT = "weights of a small model".getBytes(StandardCharsets.UTF_8);
    private static final String DIGEST = Sha256.hex(CHECKPOINT);

    private final AssetServer server = AssetServer.start();
    private final AssetVerifier verifier = new AssetVerifier(AssetServer.config(), Clock.fixed(NOW, ZoneOffset.UTC),
            new SimpleMeterRegistry());

    @AfterEach
    void stop() {
        verifier.close();
        server.close();
    }

    @Test
    void aFileWithTheDigestOfItsCardIsVerified() throws Exception {
        server.serve("/refinenet.ckpt", CHECKPOINT);
        String link = server.url("/refinenet.ckpt");

        AssetCheck check = verifier.verify(new Asset("ckpt", link, DIGEST)).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.VERIFIED);
        assertThat(check.url()).isEqualTo(link);
        assertThat(check.finalUrl()).isEqualTo(link);
        assertThat(check.actualSha256()).isEqualTo(DIGEST);
        assertThat(check.expectedSha256()).isEqualTo(DIGEST);
        assertThat(check.prefixOnly()).isFalse();
        assertThat(check.bytes()).isEqualTo(CHECKPOINT.length);
        assertThat(check.httpStatus()).isEqualTo(200);
        assertThat(check.checkedAt()).isEqualTo(NOW);
        assertThat(check.duration()).isPositive();
        assertThat(check.error()).isNull();
    }

    @Test
    void theCaseOfTheDigestDoesNotMatter() throws Exception {
        server.serve("/a.ckpt", CHECKPOINT);

        AssetCheck check = verifier.verify(server.url("/a.ckpt"), DIGEST.toUpperCase(Locale.ROOT)).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.VERIFIED);
    }

    @Test
    void aFileWithAnotherDigestIsAMismatchThatNamesBoth() throws Exception {
        server.serve("/a.ckpt", CHECKPOINT);
        String other = Sha256.hex("other weights".getBytes(StandardCharsets.UTF_8));

        AssetCheck check = verifier.verify(server.url("/a.ckpt"), other).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.MISMATCH);
        assertThat(check.actualSha256()).isEqualTo(DIGEST);
        assertThat(check.error()).contains(DIGEST, other);
    }

    @Test
    void aPrefixOfTheDigestVerifiesAndSaysItWasOnlyAPrefix() throws Exception {
        server.serve("/a.ckpt", CHECKPOINT);

        AssetCheck check = verifier.verify(server.url("/a.ckpt"), DIGEST.substring(0, 8)).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.VERIFIED);
        assertThat(check.prefixOnly()).isTrue();
        assertThat(check.actualSha256()).isEqualTo(DIGEST);
    }

    @Test
    void aPrefixOfAnotherDigestIsAMismatch() throws Exception {
        server.serve("/a.ckpt", CHECKPOINT);
        String wrongPrefix = (DIGEST.charAt(0) == '0' ? "1" : "0") + DIGEST.substring(1, 12);

        AssetCheck check = verifier.verify(server.url("/a.ckpt"), wrongPrefix).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.MISMATCH);
        assertThat(check.error()).contains("prefix " + wrongPrefix);
    }

    @Test
    void aDigestTooShortToTrustIsAMismatchThatTellsTheFilesDigest() throws Exception {
        server.serve("/a.ckpt", CHECKPOINT);

        AssetCheck check = verifier.verify(server.url("/a.ckpt"), DIGEST.substring(0, 7)).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.MISMATCH);
        assertThat(check.error()).contains("not 8 to 64 hex digits", DIGEST);
    }

    @Test
    void aWebPageInsteadOfTheFileIsPointedOut() throws Exception {
        byte[] page = "<html><body>Please log in</body></html>".getBytes(StandardCharsets.UTF_8);
        server.handle("/download", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
        });

        AssetCheck check = verifier.verify(server.url("/download"), DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.MISMATCH);
        assertThat(check.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(check.error()).contains("HTML page");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65_535, 65_536, 65_537, 1_000_003})
    void aFileOfAnySizeIsDigestedWhole(int size) throws Exception {
        byte[] file = new byte[size];
        new Random(size).nextBytes(file);
        server.serve("/sized.ckpt", file);

        AssetCheck check = verifier.verify(server.url("/sized.ckpt"), Sha256.hex(file)).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.VERIFIED);
        assertThat(check.bytes()).isEqualTo(size);
    }

    @Test
    void aLargeFileIsDigestedAsItStreams() throws Exception {
        int blocks = 64;
        byte[] block = new byte[1 << 20];
        new Random(42).nextBytes(block);
        MessageDigest expected = Sha256.digest();
        for (int i = 0; i < blocks; i++) {
            block[0] = (byte) i;
            expected.update(block);
        }
        server.handle("/large.ckpt", exchange -> {
            // Chunked, made up as it is sent: neither side ever holds the 64 MiB.
            exchange.sendResponseHeaders(200, 0);
            for (int i = 0; i < blocks; i++) {
                block[0] = (byte) i;
                exchange.getResponseBody().write(block);
            }
        });

        AssetCheck check = verifier.verify(server.url("/large.ckpt"), HexFormat.of().formatHex(expected.digest()))
                .get(60, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.VERIFIED);
        assertThat(check.bytes()).isEqualTo(64L << 20);
    }
}
