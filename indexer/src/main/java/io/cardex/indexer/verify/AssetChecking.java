package io.cardex.indexer.verify;

import io.cardex.indexer.AssetVerification;
import io.cardex.card.Asset;
import io.cardex.indexer.index.CardIndex;
import io.cardex.indexer.index.IndexAction;
import io.cardex.cardindex.AssetCheck;
import io.cardex.cardindex.CardDocument;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the assets of every card written, after it is written: a card is searchable at once,
 * with its assets {@code pending}, and written again with what the downloads showed. The second
 * write carries the card's own version and only replaces a document of that version or older,
 * so a newer change of the card written meanwhile is never undone. A sweep finds, in the index,
 * the checks a restart cut off and the checks grown old (links rot), and does them again.
 *
 * <p>At most {@link #MOST_CARDS_AT_ONCE} cards are checked at once: each waiting check holds its
 * card, so a reindex of many cards with assets would otherwise fill the heap. The cards over it
 * stay {@code pending} in the index, and a sweep takes them on as soon as the checks under way
 * are down to half.
 */
public final class AssetChecking implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AssetChecking.class);

    /** How many due cards one sweep takes on; the next sweep takes the rest. */
    private static final int SWEEP_SIZE = 200;
    private static final Duration LONGEST_SWEEP_INTERVAL = Duration.ofMinutes(10);
    private static final int MOST_CARDS_AT_ONCE = 500;

    private final AssetVerifier verifier;
    private final CardIndex index;
    private final Duration recheckEvery;
    private final Clock clock;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "cardex-asset-sweep"));
    /** One writer: the write-backs are small and must not compete with the downloads for threads. */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            runnable -> new Thread(runnable, "cardex-asset-checks"));
    /** The ids of the cards whose checks are under way. */
    private final Set<String> underWay = ConcurrentHashMap.newKeySet();
    /** Set when a card was left pending, or a sweep found more due than it takes: sweep again soon. */
    private final AtomicBoolean morePending = new AtomicBoolean();

    /** @param registry where the verifier's meters go (downloads, bytes, checks by status, durations) */
    public AssetChecking(AssetVerification settings, CardIndex index, Clock clock, MeterRegistry registry) {
        this.verifier = new AssetVerifier(settings.verifier(), clock, registry);
        this.index = index;
        this.recheckEvery = settings.recheckEvery();
        this.clock = clock;
    }

    /** Sweeps the index for due checks now, then regularly. */
    public void startSweeping() {
        long every = Math.min(recheckEvery.toMillis(), LONGEST_SWEEP_INTERVAL.toMillis());
        sweeper.scheduleWithFixedDelay(this::sweep, 0, every, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        try {
            List<IndexAction.Put> due = index.dueForAssetChecks(clock.instant().minus(recheckEvery), SWEEP_SIZE,
                    Set.copyOf(underWay));
            if (due.size() == SWEEP_SIZE) {
                morePending.set(true);
            }
            if (!due.isEmpty()) {
                log.info("checking the assets of {} cards: pending (waiting for their turn, or cut off by a "
                        + "restart) or checked over {} ago", due.size(), recheckEvery);
            }
            due.forEach(put -> start(put, verifier::recheck));
        } catch (IOException | RuntimeException e) {
            log.warn("cannot look for asset checks that are due, will try again: {}", e.getMessage());
        }
    }

    /** Starts checking the card's assets and returns at once. */
    public void check(IndexAction.Put put) {
        start(put, verifier::verify);
    }

    private void start(IndexAction.Put put, BiFunction<String, String, CompletableFuture<AssetCheck>> download) {
        CardDocument document = put.document();
        List<Asset> assets = document.card().header() == null ? List.of() : document.card().header().assets();
        if (assets.isEmpty()) {
            return;
        }
        // An older version still being checked: this one stays pending until a sweep after it.
        if (!underWay.add(put.id())) {
            morePending.set(true);
            return;
        }
        if (underWay.size() > MOST_CARDS_AT_ONCE) {
            underWay.remove(put.id());
            morePending.set(true);
            return;
        }
        List<CompletableFuture<AssetCheck>> checks = new ArrayList<>();
        for (int i = 0; i < assets.size(); i++) {
            Asset asset = assets.get(i);
            // An asset without a link or digest is a problem of the card already; nothing to download.
            checks.add(asset.link() == null || asset.sha256() == null
                    ? CompletableFuture.completedFuture(AssetCheck.pending(asset.link(), asset.sha256()))
                    : download.apply(asset.link(), asset.sha256()));
        }
        CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
                .thenRunAsync(() -> writeBack(put, checks.stream().map(CompletableFuture::join).toList()), writer)
                .whenComplete((written, failure) -> finished(put.id()));
    }

    private void finished(String id) {
        underWay.remove(id);
        if (underWay.size() <= MOST_CARDS_AT_ONCE / 2 && morePending.compareAndSet(true, false)) {
            try {
                sweeper.execute(this::sweep);
            } catch (RejectedExecutionException closing) {
                log.debug("no sweep for the cards left pending: closing; the next start sweeps");
            }
        }
    }

    private void writeBack(IndexAction.Put put, List<AssetCheck> checks) {
        Map<String, Long> statuses = checks.stream().collect(Collectors.groupingBy(
                check -> check.status().name().toLowerCase(Locale.ROOT), Collectors.counting()));
        try {
            if (index.replaceChecked(put.id(), put.version(), put.document().withAssetChecks(checks))) {
                log.info("assets of {} checked: {}", put.id(), statuses);
            } else {
                log.debug("assets of {} checked, but the card changed or was deleted meanwhile", put.id());
            }
        } catch (IOException e) {
            log.warn("cannot store the asset checks of {} (they stay pending): {}", put.id(), e.getMessage());
        }
    }

    @Override
    public void close() {
        // Not interrupted: a sweep under way ends with its search, quickly.
        sweeper.shutdown();
        verifier.close();
        writer.shutdown();
        try {
            sweeper.awaitTermination(10, TimeUnit.SECONDS);
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
