package io.cardex.ingest;

import io.cardex.card.SkipReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The meters of the ingest of one repository, tagged with its name. */
final class IngestMetrics {

    private static final String PUBLISHED = "Card changes acknowledged by Kafka, by operation";

    private final Counter upserts;
    private final Counter deletions;
    private final Counter succeeded;
    private final Counter failed;
    private final Timer passes;
    private final AtomicLong lastSuccessEpochSeconds = new AtomicLong();
    private final AtomicLong behindCommits = new AtomicLong();
    private final Clock clock;
    private final Map<SkipReason, AtomicLong> skippedFiles = new EnumMap<>(SkipReason.class);

    IngestMetrics(MeterRegistry registry, String repository, PassProgress progress, Clock clock) {
        this.clock = clock;
        upserts = Counter.builder("cardex.ingest.events.published").tag("repository", repository)
                .tag("operation", "upsert").description(PUBLISHED).register(registry);
        deletions = Counter.builder("cardex.ingest.events.published").tag("repository", repository)
                .tag("operation", "delete").description(PUBLISHED).register(registry);
        succeeded = Counter.builder("cardex.ingest.passes").tag("repository", repository).tag("outcome", "success")
                .description("Ingest passes (fetch, diff, publish)").register(registry);
        failed = Counter.builder("cardex.ingest.passes").tag("repository", repository).tag("outcome", "failure")
                .description("Ingest passes (fetch, diff, publish)").register(registry);
        passes = Timer.builder("cardex.ingest.pass.duration").tag("repository", repository)
                .description("Time of an ingest pass").register(registry);
        Gauge.builder("cardex.ingest.last.success", lastSuccessEpochSeconds, AtomicLong::get).tag("repository", repository)
                .description("When a pass last worked, in seconds since the epoch").baseUnit("seconds").register(registry);
        Gauge.builder("cardex.ingest.behind.commits", behindCommits, AtomicLong::get).tag("repository", repository)
                .description("Commits of the branch not published yet").register(registry);
        Gauge.builder("cardex.ingest.pass.cards", progress, PassProgress::cards).tag("repository", repository)
                .description("Cards the running pass publishes").register(registry);
        Gauge.builder("cardex.ingest.pass.cards.sent", progress, PassProgress::sent).tag("repository", repository)
                .description("Cards the running pass has sent so far").register(registry);
        for (SkipReason reason : SkipReason.values()) {
            AtomicLong count = new AtomicLong();
            skippedFiles.put(reason, count);
            Gauge.builder("cardex.ingest.skipped.files", count, AtomicLong::get).tag("repository", repository)
                    .tag("reason", reason.code())
                    .description("Files of the last published commit below the cards root that are no part of any card")
                    .register(registry);
        }
    }

    void passSucceeded(IngestPass pass, Duration took) {
        upserts.increment(pass.upserts());
        deletions.increment(pass.deletions());
        succeeded.increment();
        passes.record(took);
        lastSuccessEpochSeconds.set(clock.instant().getEpochSecond());
    }

    void passFailed(Duration took) {
        failed.increment();
        passes.record(took);
    }

    /** @param counts files skipped, by reason code; a reason left out counts none */
    void skipped(Map<String, Integer> counts) {
        skippedFiles.forEach((reason, count) -> count.set(counts.getOrDefault(reason.code(), 0)));
    }

    void behind(int commits) {
        behindCommits.set(commits);
    }
}
