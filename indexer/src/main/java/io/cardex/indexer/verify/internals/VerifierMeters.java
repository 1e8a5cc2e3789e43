package io.cardex.indexer.verify.internals;

import io.cardex.cardindex.AssetStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The verifier's meters: downloads under way, bytes downloaded, checks finished by status and how
 * long checks take. Every status has its counter from the start, so a dashboard shows 0, not nothing.
 */
public final class VerifierMeters {

    static final String DOWNLOADS = "cardex.asset.downloads.active";
    static final String BYTES = "cardex.asset.download.bytes";
    static final String CHECKS = "cardex.asset.checks";
    static final String DURATION = "cardex.asset.check.duration";

    private final AtomicInteger downloading = new AtomicInteger();
    private final Counter bytes;
    private final Map<AssetStatus, Counter> checks = new EnumMap<>(AssetStatus.class);
    private final Timer durations;

    public VerifierMeters(MeterRegistry registry) {
        Gauge.builder(DOWNLOADS, downloading, AtomicInteger::get)
                .description("asset downloads under way")
                .register(registry);
        bytes = Counter.builder(BYTES)
                .description("bytes of assets downloaded")
                .baseUnit("bytes")
                .register(registry);
        for (AssetStatus status : AssetStatus.values()) {
            if (status != AssetStatus.PENDING) {
                checks.put(status, Counter.builder(CHECKS)
                        .description("asset checks finished, by what they found")
                        .tag("status", status.name().toLowerCase(Locale.ROOT))
                        .register(registry));
            }
        }
        durations = Timer.builder(DURATION)
                .description("how long checking one asset took, download included")
                .register(registry);
    }

    void downloadStarted() {
        downloading.incrementAndGet();
    }

    void downloadEnded() {
        downloading.decrementAndGet();
    }

    void read(int count) {
        bytes.increment(count);
    }

    /** Counts a check that ended; a pending one (the verifier closed) did not end. */
    public void checkFinished(AssetStatus status, Duration took) {
        Counter counter = checks.get(status);
        if (counter != null) {
            counter.increment();
            durations.record(took);
        }
    }
}
