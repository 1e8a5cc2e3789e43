package io.cardex.ingest.git;

import java.time.Duration;
import org.eclipse.jgit.lib.BatchingProgressMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reports the progress of a clone or fetch in the log, at most about once a second per task. */
public final class LoggingProgressMonitor extends BatchingProgressMonitor {

    private static final Logger log = LoggerFactory.getLogger(LoggingProgressMonitor.class);
    private final String what;

    public LoggingProgressMonitor(String what) {
        this.what = what;
    }

    @Override
    protected void onUpdate(String taskName, int workCurr, Duration duration) {
        log.info("{}: {} {}", what, taskName, workCurr);
    }

    @Override
    protected void onEndTask(String taskName, int workCurr, Duration duration) {
        log.info("{}: {} {}, done", what, taskName, workCurr);
    }

    @Override
    protected void onUpdate(String taskName, int workCurr, int workTotal, int percentDone, Duration duration) {
        log.info("{}: {} {}% ({}/{})", what, taskName, percentDone, workCurr, workTotal);
    }

    @Override
    protected void onEndTask(String taskName, int workCurr, int workTotal, int percentDone, Duration duration) {
        log.info("{}: {} {}% ({}/{}), done", what, taskName, percentDone, workCurr, workTotal);
    }
}
