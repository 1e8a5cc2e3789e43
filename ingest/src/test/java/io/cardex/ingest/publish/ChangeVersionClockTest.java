package io.cardex.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class ChangeVersionClockTest {

    private static final Instant NOW = Instant.parse("2026-12-02T05:00:00Z");
    private static final long NOW_MICROS = 1_796_187_600_000_000L;

    private final SettableClock time = new SettableClock(NOW);
    private final ChangeVersionClock versions = new ChangeVersionClock(time);

    @Test
    void aVersionIsTheTimeInMicroseconds() {
        assertThat(versions.next()).isEqualTo(NOW_MICROS);

        time.set(NOW.plus(Duration.ofMillis(3)));

        assertThat(versions.next()).isEqualTo(NOW_MICROS + 3_000);
        assertThat(versions.last()).isEqualTo(NOW_MICROS + 3_000);
    }

    @Test
    void versionsAssignedWithinOneMicrosecondStillGrow() {
        assertThat(versions.next()).isEqualTo(NOW_MICROS);
        assertThat(versions.next()).isEqualTo(NOW_MICROS + 1);
        assertThat(versions.next()).isEqualTo(NOW_MICROS + 2);
    }

    @Test
    void aClockSteppingBackwardsNeverGivesALowerVersion() {
        long before = versions.next();

        time.set(NOW.minus(Duration.ofMinutes(5)));

        assertThat(versions.next()).isEqualTo(before + 1);
        assertThat(versions.next()).isEqualTo(before + 2);
        time.set(NOW.plus(Duration.ofSeconds(1)));
        assertThat(versions.next()).as("the time again once it caught up").isEqualTo(NOW_MICROS + 1_000_000);
    }

    @Test
    void afterARestartVersionsGoOnAboveTheLastOnePublishedEvenWithTheClockBehind() {
        long published = versions.next();

        time.set(NOW.minus(Duration.ofHours(1)));
        ChangeVersionClock restarted = new ChangeVersionClock(time);
        restarted.neverBelow(published);

        assertThat(restarted.next()).isEqualTo(published + 1);
    }

    @Test
    void aFloorBelowTheLastVersionChangesNothing() {
        long last = versions.next();

        versions.neverBelow(last - 100);

        assertThat(versions.next()).isEqualTo(last + 1);
    }

    /** A clock a test moves, backwards too. */
    private static final class SettableClock extends Clock {

        private Instant instant;

        SettableClock(Instant instant) {
            this.instant = instant;
        }

        void set(Instant next) {
            this.instant = next;
        }

        @Override
        public Instant instant() {
            return instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
