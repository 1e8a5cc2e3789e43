package io.cardex.indexer.verify.internals;

import io.cardex.cardindex.AssetStatus;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Checks by asset link and expected digest: a verified check is kept, so that an unchanged card
 * is not downloaded again, and a check under way is shared by everyone asking for the same asset.
 * Any other result is forgotten once known, so the next request tries again. Entries are never
 * evicted: one per distinct verified asset.
 */
public final class CheckCache {

    /** A card's link and the digest it expects, lower-case. */
    public record Key(String url, String expectedSha256) {
    }

    private final ConcurrentMap<Key, CompletableFuture<CachedCheck>> checks = new ConcurrentHashMap<>();

    /** The verified or under-way check of {@code key}, or the one {@code start} begins. */
    public CompletableFuture<CachedCheck> getOrStart(Key key, Supplier<CompletableFuture<CachedCheck>> start) {
        CompletableFuture<CachedCheck> placeholder = new CompletableFuture<>();
        CompletableFuture<CachedCheck> known = checks.putIfAbsent(key, placeholder);
        if (known != null) {
            return known;
        }
        run(key, placeholder, start);
        return placeholder;
    }

    /** Begins a new check of {@code key} whatever is known; it replaces the known one. */
    public CompletableFuture<CachedCheck> restart(Key key, Supplier<CompletableFuture<CachedCheck>> start) {
        CompletableFuture<CachedCheck> placeholder = new CompletableFuture<>();
        checks.put(key, placeholder);
        run(key, placeholder, start);
        return placeholder;
    }

    /** The finished, verified check of {@code key}, if there is one. */
    public Optional<CachedCheck> verified(Key key) {
        CompletableFuture<CachedCheck> known = checks.get(key);
        if (known == null || !known.isDone() || known.isCompletedExceptionally()) {
            return Optional.empty();
        }
        return Optional.of(known.join()).filter(CheckCache::isVerified);
    }

    /** Cancels the checks under way: they will not finish. */
    public void cancelUnfinished() {
        checks.forEach((key, check) -> {
            if (check.cancel(false)) {
                checks.remove(key, check);
            }
        });
    }

    private void run(Key key, CompletableFuture<CachedCheck> placeholder,
                     Supplier<CompletableFuture<CachedCheck>> start) {
        CompletableFuture<CachedCheck> started;
        try {
            started = start.get();
        } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
        }
        started.whenComplete((cached, error) -> {
            // Forget before telling: whoever reacts to the result and asks again must get a new check.
            if (error != null || !isVerified(cached)) {
                checks.remove(key, placeholder);
            }
            if (error != null) {
                placeholder.completeExceptionally(error);
            } else {
                placeholder.complete(cached);
            }
        });
    }

    private static boolean isVerified(CachedCheck cached) {
        return cached.check().status() == AssetStatus.VERIFIED;
    }
}
