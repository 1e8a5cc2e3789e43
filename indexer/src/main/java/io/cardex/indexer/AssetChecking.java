package io.cardex.indexer;

import io.cardex.card.Asset;
import io.cardex.indexer.index.CardIndex;
import io.cardex.indexer.index.IndexAction;
import io.cardex.indexer.verify.AssetVerifier;
import io.cardex.store.AssetCheck;
import io.cardex.store.CardDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the assets of every card written, after it is written: a card is searchable at once,
 * with its assets {@code pending}, and written again with what the downloads showed. The second
 * write carries the card's own version and only replaces a document of that version or older,
 * so a newer change of the card written meanwhile is never undone.
 */
final class AssetChecking implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AssetChecking.class);

    private final AssetVerifier verifier;
    private final CardIndex index;
    /** One writer: the write-backs are small and must not compete with the downloads for threads. */
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            runnable -> new Thread(runnable, "cardex-asset-checks"));

    AssetChecking(AssetVerifier verifier, CardIndex index) {
        this.verifier = verifier;
        this.index = index;
    }

    /** Starts checking the card's assets and returns at once. */
    void check(IndexAction.Put put) {
        CardDocument document = put.document();
        List<Asset> assets = document.card().header() == null ? List.of() : document.card().header().assets();
        if (assets.isEmpty()) {
            return;
        }
        List<CompletableFuture<AssetCheck>> checks = new ArrayList<>();
        for (int i = 0; i < assets.size(); i++) {
            Asset asset = assets.get(i);
            // An asset without a link or digest is a problem of the card already; nothing to download.
            checks.add(asset.link() == null || asset.sha256() == null
                    ? CompletableFuture.completedFuture(document.assetChecks().get(i)) : verifier.verify(asset));
        }
        CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new))
                .thenRunAsync(() -> writeBack(put, checks.stream().map(CompletableFuture::join).toList()), writer);
    }

    private void writeBack(IndexAction.Put put, List<AssetCheck> checks) {
        Map<String, Long> statuses = checks.stream().collect(Collectors.groupingBy(
                check -> check.status().name().toLowerCase(Locale.ROOT), Collectors.counting()));
        try {
            if (index.replaceChecked(put.id(), put.version(), put.document().withAssetChecks(checks))) {
                log.info("assets of {} checked: {}", put.id(), statuses);
            } else {
                log.debug("assets of {} checked, but a newer change of the card is already stored", put.id());
            }
        } catch (IOException e) {
            log.warn("cannot store the asset checks of {} (they stay pending): {}", put.id(), e.getMessage());
        }
    }

    @Override
    public void close() {
        verifier.close();
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
