package io.cardex.indexer.meaning;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the model only when nothing else on the machine wants a core. Embedding the cards of a first
 * snapshot takes minutes of every core of a small machine; at normal priority it slowed ingest's
 * snapshot, the indexer's writes and Elasticsearch beside it (a push then took 1.6 s instead of
 * 1.1 s to become searchable). On Linux each of the stage's threads asks the kernel for the idle
 * scheduling policy ({@code SCHED_IDLE}, which needs no privilege): any other thread that wakes up
 * takes the core at once, and the vectors are made in the time the others leave. Elsewhere, or if
 * Linux refuses, the threads keep their normal priority and the log says so once.
 */
final class IdlePriority {

    private static final Logger log = LoggerFactory.getLogger(IdlePriority.class);
    /** {@code SCHED_IDLE} of Linux's {@code <sched.h>}. */
    private static final int SCHED_IDLE = 5;
    private static final AtomicBoolean TOLD = new AtomicBoolean();

    /** The C library's call, loaded on first use. */
    private interface LinuxScheduler extends Library {
        /** sched_setscheduler(2): on Linux, pid 0 is the calling thread alone, not its process. */
        int sched_setscheduler(int pid, int policy, int[] param);
    }

    private static final class Libc {
        static final LinuxScheduler C = Native.load("c", LinuxScheduler.class);
    }

    private IdlePriority() {
    }

    /** Gives the calling thread idle priority for the rest of its life; answers whether it has it. */
    static boolean lowerThisThread() {
        if (!Platform.isLinux()) {
            tellOnce("not on Linux");
            return false;
        }
        try {
            if (Libc.C.sched_setscheduler(0, SCHED_IDLE, new int[] {0}) == 0) {
                return true;
            }
            tellOnce("Linux refused it (errno " + Native.getLastError() + ")");
        } catch (LinkageError e) {
            tellOnce("the C library cannot be called: " + e.getMessage());
        }
        return false;
    }

    /**
     * A pool of one thread per core, each at idle priority: a parallel stream started from one of
     * its tasks runs on its threads (a fork-join task forks into the pool it runs in).
     */
    static ForkJoinPool pool(String name) {
        return new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
            ForkJoinWorkerThread thread = new ForkJoinWorkerThread(pool) {
                @Override
                protected void onStart() {
                    super.onStart();
                    lowerThisThread();
                }
            };
            thread.setName(name + "-" + thread.getPoolIndex());
            thread.setDaemon(true);
            return thread;
        }, null, false);
    }

    private static void tellOnce(String why) {
        if (TOLD.compareAndSet(false, true)) {
            log.warn("the model runs at normal priority, {}: on a machine of few cores, embedding cards slows down "
                    + "the indexer and Elasticsearch beside it", why);
        }
    }
}
