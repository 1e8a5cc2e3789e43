package io.cardex.indexer.verify.internals;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the user informed of long downloads: each {@link Download} logs how far it is every
 * {@code every} while it runs (a shorter download logs nothing), and counts its bytes in the meters
 * as they come. The lines come from a timer thread of their own, so a stalled download is reported
 * too, not only one that is receiving.
 */
public final class ProgressReports implements AutoCloseable {

    private final Duration every;
    private final VerifierMeters meters;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "asset-verifier-progress");
        thread.setDaemon(true);
        return thread;
    });

    public ProgressReports(Duration every, VerifierMeters meters) {
        this.every = every;
        this.meters = meters;
    }

    /** A download of {@code url} begins; closing the {@link Download} ends it. */
    Download start(URI url) {
        Download download = new Download(url, meters);
        long nanos = every.toNanos();
        try {
            download.reportWith(timer.scheduleAtFixedRate(download::report, nanos, nanos, TimeUnit.NANOSECONDS));
        } catch (RejectedExecutionException e) {
            // The verifier is closing: the check is abandoned anyway, there is nothing to report.
        }
        return download;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
