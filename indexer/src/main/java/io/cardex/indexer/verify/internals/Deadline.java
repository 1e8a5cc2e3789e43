package io.cardex.indexer.verify.internals;

import java.time.Duration;

/** When a check must be over, and how long each wait for the server may last until then. */
record Deadline(long endNanos, Duration idleTimeout) {

    static Deadline after(Duration total, Duration idleTimeout) {
        return new Deadline(System.nanoTime() + total.toNanos(), idleTimeout);
    }

    boolean passed() {
        return System.nanoTime() - endNanos >= 0;
    }

    /** How long the next wait for the server may last: the idle time-out, or less near the deadline. */
    Duration nextWait() {
        Duration left = Duration.ofNanos(Math.max(1, endNanos - System.nanoTime()));
        return left.compareTo(idleTimeout) < 0 ? left : idleTimeout;
    }
}
