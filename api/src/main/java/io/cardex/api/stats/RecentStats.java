package io.cardex.api.stats;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The numbers of {@code GET /stats}, asked of Elasticsearch and Kafka at most once per
 * {@code freshFor}: a dashboard polling every second, or many at once, must not turn into an
 * aggregation over every card and an offsets request per call. Callers arriving while the numbers
 * are asked for wait for them instead of asking again. A failure is not kept.
 */
public final class RecentStats {

    /** How long numbers are served before they are asked for again. */
    public static final Duration FRESH_FOR = Duration.ofSeconds(1);

    /** Where the numbers come from: {@link StatsService#stats()}. */
    @FunctionalInterface
    public interface Source {
        Stats stats() throws IOException;
    }

    private final Source stats;
    private final Clock clock;
    private final Duration freshFor;
    private Stats last;
    private Instant askedAt = Instant.MIN;

    public RecentStats(Source stats, Clock clock, Duration freshFor) {
        this.stats = stats;
        this.clock = clock;
        this.freshFor = freshFor;
    }

    public synchronized Stats stats() throws IOException {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(askedAt.plus(freshFor))) {
            last = stats.stats();
            askedAt = now;
        }
        return last;
    }
}
