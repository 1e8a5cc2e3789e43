package io.cardex.indexer.verify.internals;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One asset's download as its progress is reported: the fetching thread tells what it receives, the
 * {@link ProgressReports} timer thread logs it.
 */
final class Download implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Download.class);

    private final VerifierMeters meters;
    private final long started = System.nanoTime();
    private volatile Body body;
    /** Written by the fetching thread only; read by the timer. */
    private volatile long bytes;
    /** The timer's schedule of this download's lines; none once the verifier is closing. */
    private Optional<ScheduledFuture<?>> reports = Optional.empty();
    // The timer's own: what the last line said, for the speed since then.
    private long bytesAtLastReport;
    private long nanosAtLastReport = started;

    /** What is being received: from which URL, whether its body has begun, how long it says it is. */
    private record Body(URI url, boolean begun, OptionalLong length) {
    }

    Download(URI url, VerifierMeters meters) {
        this.meters = meters;
        this.body = new Body(url, false, OptionalLong.empty());
        meters.downloadStarted();
    }

    void reportWith(ScheduledFuture<?> schedule) {
        reports = Optional.of(schedule);
    }

    /** A request for {@code url} goes out: the link, its mirror, or where a redirect points. */
    void requesting(URI url) {
        body = new Body(url, false, OptionalLong.empty());
    }

    /** The body of {@code url} begins (after redirects, the last hop's). */
    void receiving(URI url, OptionalLong length) {
        body = new Body(url, true, length);
    }

    void read(int count) {
        bytes += count;
        meters.read(count);
    }

    /** Logs one progress line; run by the timer. */
    void report() {
        long now = System.nanoTime();
        long read = bytes;
        Body receiving = body;
        double megabytesPerSecond = (read - bytesAtLastReport) / 1e6 / ((now - nanosAtLastReport) / 1e9);
        long seconds = Math.round((now - started) / 1e9);
        if (!receiving.begun()) {
            log.info("waiting for {} to answer, {} s so far", receiving.url(), seconds);
        } else if (receiving.length().isPresent() && receiving.length().getAsLong() > 0) {
            long length = receiving.length().getAsLong();
            log.info("downloading {}: {} of {} MB ({}%) in {} s, {} MB/s", receiving.url(), megabytes(read),
                    megabytes(length), read * 100 / length, seconds, decimal(megabytesPerSecond));
        } else {
            log.info("downloading {}: {} MB in {} s, {} MB/s", receiving.url(), megabytes(read), seconds,
                    decimal(megabytesPerSecond));
        }
        bytesAtLastReport = read;
        nanosAtLastReport = now;
    }

    @Override
    public void close() {
        reports.ifPresent(schedule -> schedule.cancel(false));
        meters.downloadEnded();
    }

    private static String megabytes(long count) {
        return decimal(count / 1e6);
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%,.1f", value);
    }
}
