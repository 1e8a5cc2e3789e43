package io.cardex.service.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before the next try while something keeps failing: the first pause, doubled
 * after each failure in a row, never more than the longest; a success starts again from the
 * first. Not thread-safe: one per loop that retries.
 */
public final class Backoff {

    private final Duration first;
    private final Duration longest;
    private int failuresInARow;

    /**
     * @param first   the pause after the first failure
     * @param longest the longest pause, however long the failures go on
     */
    public Backoff(Duration first, Duration longest) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(longest, "longest");
        if (first.isNegative() || first.isZero()) {
            throw new IllegalArgumentException("the first pause must be positive, not " + first);
        }
        if (longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("the longest pause (" + longest + ") is shorter than the first ("
                    + first + ")");
        }
        this.first = first;
        this.longest = longest;
    }

    /** Counts one more failure and says how long to wait before trying again. */
    public Duration failed() {
        failuresInARow++;
        return pause();
    }

    /** The pause the failures so far call for; the first pause when there were none. */
    public Duration pause() {
        Duration pause = first;
        for (int i = 1; i < failuresInARow && pause.compareTo(longest) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(longest) > 0 ? longest : pause;
    }

    /** Forgets the failures: the next one waits the first pause again. */
    public void succeeded() {
        failuresInARow = 0;
    }

    /** How many tries failed since the last success. */
    public int failuresInARow() {
        return failuresInARow;
    }

    /** The longest pause, however long the failures go on. */
    public Duration longest() {
        return longest;
    }
}
