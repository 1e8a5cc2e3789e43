package io.cardex.indexer.verify;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.cardex.cardindex.AssetCheck;
import io.cardex.cardindex.AssetStatus;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ProgressTest {

    private static final byte[] CHECKPOINT = checkpoint(1_000_000);
    private static final String DIGEST = Sha256.hex(CHECKPOINT);

    private final AssetServer server = AssetServer.start();
    private final Logger progressLog = (Logger) LoggerFactory.getLogger("io.cardex.indexer.verify.internals.Download");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private AssetVerifier verifier;

    ProgressTest() {
        lines.start();
        progressLog.addAppender(lines);
    }

    @AfterEach
    void stop() {
        progressLog.detachAppender(lines);
        verifier.close();
        server.close();
    }

    @Test
    void aLongDownloadSaysHowFarItIsWhileItRuns() throws Exception {
        verifier = Verifiers.of(AssetServer.config().toBuilder().progressEvery(Duration.ofMillis(100)).build());
        server.handle("/slow.ckpt", exchange -> {
            exchange.sendResponseHeaders(200, CHECKPOINT.length);
            // 20 pieces, 50 ms apart: about a second, ten times the progress interval.
            AssetServer.trickle(exchange, CHECKPOINT, 50_000, Duration.ofMillis(50));
        });
        String url = server.url("/slow.ckpt");

        AssetCheck check = verifier.verify(url, DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.VERIFIED);
        List<String> progress = downloadingLines(url);
        assertThat(progress).hasSizeGreaterThanOrEqualTo(2);
        assertThat(progress).allSatisfy(line -> assertThat(line)
                .matches("downloading \\S+: [\\d.]+ of 1\\.0 MB \\(\\d{1,3}%\\) in \\d+ s, [\\d.]+ MB/s"));
        assertThat(percent(progress.get(progress.size() - 1))).isGreaterThan(percent(progress.get(0)));
    }

    @Test
    void aDownloadOfUnknownLengthSaysHowMuchCameSoFar() throws Exception {
        verifier = Verifiers.of(AssetServer.config().toBuilder().progressEvery(Duration.ofMillis(100)).build());
        server.handle("/chunked.ckpt", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            AssetServer.trickle(exchange, CHECKPOINT, 50_000, Duration.ofMillis(50));
        });
        String url = server.url("/chunked.ckpt");

        AssetCheck check = verifier.verify(url, DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.VERIFIED);
        assertThat(downloadingLines(url)).isNotEmpty().allSatisfy(line -> assertThat(line)
                .matches("downloading \\S+: [\\d.]+ MB in \\d+ s, [\\d.]+ MB/s"));
    }

    @Test
    void aShortDownloadSaysNothingButThatItIsVerified() throws Exception {
        verifier = Verifiers.of(AssetServer.config().toBuilder().progressEvery(Duration.ofSeconds(5)).build());
        server.serve("/quick.ckpt", CHECKPOINT);
        String url = server.url("/quick.ckpt");

        AssetCheck check = verifier.verify(url, DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.VERIFIED);
        assertThat(linesAbout(url)).isEmpty();
    }

    @Test
    void aServerSlowToAnswerIsWaitedForVisibly() throws Exception {
        verifier = Verifiers.of(AssetServer.config().toBuilder().progressEvery(Duration.ofMillis(100)).build());
        server.handle("/late.ckpt", exchange -> {
            sleep(Duration.ofMillis(500));
            exchange.sendResponseHeaders(200, CHECKPOINT.length);
            exchange.getResponseBody().write(CHECKPOINT);
        });
        String url = server.url("/late.ckpt");

        AssetCheck check = verifier.verify(url, DIGEST).get(10, SECONDS);

        assertThat(check.status()).isEqualTo(AssetStatus.VERIFIED);
        assertThat(linesAbout(url)).first().asString().matches("waiting for \\S+ to answer, \\d+ s so far");
    }

    private List<String> linesAbout(String url) {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).filter(line -> line.contains(url)).toList();
    }

    /** The lines once the body comes; under load, the first may still say it is waiting for the server. */
    private List<String> downloadingLines(String url) {
        return linesAbout(url).stream().filter(line -> line.startsWith("downloading " + url + ": ")).toList();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int percent(String line) {
        return Integer.parseInt(line.substring(line.indexOf('(') + 1, line.indexOf("%)")));
    }

    private static byte[] checkpoint(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        return bytes;
    }
}
