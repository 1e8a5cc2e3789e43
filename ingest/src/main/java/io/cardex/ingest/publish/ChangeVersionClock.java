package io.cardex.ingest.publish;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Assigns the version of every record ingest publishes: the time in microseconds since the epoch,
 * and always above the last one assigned.
 *
 * <p>Why a clock and not a counter or the offset: a card's version must grow with each of its
 * changes whatever the partition its key lands on, a recreated topic or another cluster, and even
 * when ingest starts over with a fresh data directory. A counter starts again at 0 with a lost
 * cursor; the time does not. Microseconds leave room for a million changes a second before the
 * clock runs ahead of the time, and stay far below Elasticsearch's largest version (2^63).
 * Why never below the last one: the clock may step backwards (NTP, a VM moved); then versions go
 * on from the last one assigned, one apart, until the time catches up. The last one is kept with
 * the cursor ({@link io.cardex.ingest.cursor.CursorStore}) so that a restart after such a step
 * never goes below what was published either. What it does not cover: a pass that crashed
 * before its cursor moved, with the clock stepped back by more than the time since; its changes
 * are published again with lower versions than those that got through, and are counted stale
 * until the clock passes them, and so would later changes of those cards until then.
 */
public final class ChangeVersionClock {

    private final Clock clock;
    private long last;

    public ChangeVersionClock(Clock clock) {
        this.clock = clock;
    }

    /** The next version: the time now, or one above the last one assigned when that is not below it. */
    public synchronized long next() {
        Instant now = clock.instant();
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        last = Math.max(micros, last + 1);
        return last;
    }

    /** The last version assigned, or the floor given; 0 before either. */
    public synchronized long last() {
        return last;
    }

    /** Makes every later version higher than {@code floor}, a version published before a restart. */
    public synchronized void neverBelow(long floor) {
        last = Math.max(last, floor);
    }
}
