package io.cardex.indexer.consume;

import io.cardex.indexer.index.CardIndex;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the last changes searchable as soon as the indexer has written everything it read, instead
 * of at the index's next periodic refresh, up to a second later: a pushed commit's cards are found
 * some half a second sooner. A refresh of a few new cards is cheap; these come at most one at a
 * time and {@link #SPACING} apart, so a steady stream of changes costs a few refreshes a second,
 * and none while an index is filled in bulk (refresh off until it is complete).
 */
public final class CaughtUpRefresh implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CaughtUpRefresh.class);
    static final Duration SPACING = Duration.ofMillis(200);

    private final CardIndex index;
    private final BooleanSupplier fillingInBulk;
    private final AtomicBoolean due = new AtomicBoolean();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "cardex-refresh");
        thread.setDaemon(true);
        return thread;
    });

    /** @param fillingInBulk true while the index is being filled in bulk: it is refreshed once complete */
    public CaughtUpRefresh(CardIndex index, BooleanSupplier fillingInBulk) {
        this.index = index;
        this.fillingInBulk = fillingInBulk;
    }

    /** Told when every change read so far has its answer from Elasticsearch; returns at once. */
    void caughtUp() {
        if (!fillingInBulk.getAsBoolean() && due.compareAndSet(false, true)) {
            try {
                refresher.execute(this::refresh);
            } catch (RejectedExecutionException closing) {
                // A last answer while the indexer closes: the periodic refresh makes its cards searchable.
            }
        }
    }

    private void refresh() {
        // Changes answered from now on need a refresh of their own: this one may miss them.
        due.set(false);
        try {
            index.refresh();
        } catch (IOException | RuntimeException e) {
            // The periodic refresh makes them searchable all the same, a little later.
            log.debug("cannot refresh the card index now: {}", e.toString());
        }
        try {
            TimeUnit.NANOSECONDS.sleep(SPACING.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
