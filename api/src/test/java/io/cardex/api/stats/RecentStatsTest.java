package io.cardex.api.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RecentStatsTest {

    private final AtomicInteger asked = new AtomicInteger();
    private Instant now = Instant.parse("2026-12-02T10:00:00Z");
    private boolean failing;
    private final RecentStats stats = new RecentStats(() -> {
        asked.incrementAndGet();
        if (failing) {
            throw new IOException("Elasticsearch is away");
        }
        return new Stats(null, List.of(), null, List.of());
    }, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }, Duration.ofSeconds(1));

    @Test
    void anyNumberOfRequestsWithinASecondAskOnce() throws IOException {
        for (int i = 0; i < 500; i++) {
            stats.stats();
            now = now.plusMillis(1);
        }

        assertThat(asked).hasValue(1);
    }

    @Test
    void theNumbersAreAskedForAgainOnceASecondHasPassed() throws IOException {
        stats.stats();
        now = now.plusMillis(999);
        stats.stats();
        now = now.plusMillis(1);
        stats.stats();

        assertThat(asked).hasValue(2);
    }

    @Test
    void aFailureIsNotKeptTheNextRequestAsksAgain() throws IOException {
        failing = true;
        assertThatThrownBy(stats::stats).isInstanceOf(IOException.class);

        failing = false;
        stats.stats();

        assertThat(asked).hasValue(2);
    }
}
