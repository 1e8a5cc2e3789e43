package io.cardex.indexer.verify;

import io.cardex.card.Asset;
import io.cardex.indexer.verify.internals.CachedCheck;
import io.cardex.indexer.verify.internals.CheckCache;
import io.cardex.indexer.verify.internals.ExpectedDigest;
import io.cardex.indexer.verify.internals.Fetch;
import io.cardex.indexer.verify.internals.Fetcher;
import io.cardex.indexer.verify.internals.ProgressReports;
import io.cardex.indexer.verify.internals.Validators;
import io.cardex.indexer.verify.internals.VerifierMeters;
import io.cardex.cardindex.AssetCheck;
import io.cardex.cardindex.AssetStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that the files cards link to have the SHA-256 the cards give, downloading at most
 * {@link VerifierConfig#concurrency()} at a time. Calls return at once; the future completes with
 * an {@link AssetCheck}, never with an exception, on a download thread (chain slow work with the
 * {@code ...Async} methods). A verified asset is not downloaded again. A download still running
 * logs how far it is every {@link VerifierConfig#progressEvery()}; the meters the verifier keeps are
 * listed in the package documentation.
 */
public final class AssetVerifier implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AssetVerifier.class);

    private final Fetcher fetcher;
    private final Clock clock;
    private final VerifierMeters meters;
    private final ProgressReports progress;
    private final CheckCache cache = new CheckCache();
    private final ExecutorService downloads;

    /**
     * @param clock    stamps each check's {@code checkedAt}
     * @param registry where the verifier's meters go
     */
    public AssetVerifier(VerifierConfig config, Clock clock, MeterRegistry registry) {
        this.meters = new VerifierMeters(registry);
        this.progress = new ProgressReports(config.progressEvery(), meters);
        this.fetcher = new Fetcher(config, progress);
        this.clock = clock;
        this.downloads = Executors.newFixedThreadPool(config.concurrency(), downloadThreads());
    }

    public CompletableFuture<AssetCheck> verify(Asset asset) {
        return verify(asset.link(), asset.sha256());
    }

    /** Checks the file at {@code url}; a verified result of an earlier call is reused. */
    public CompletableFuture<AssetCheck> verify(String url, String expectedSha256) {
        ExpectedDigest expected = ExpectedDigest.of(expectedSha256);
        return answer(url, expected,
                cache.getOrStart(key(url, expected), () -> start(url, expected, Optional.empty())));
    }

    /**
     * Checks again whether the file at {@code url} is still there and unchanged. After a verified
     * check the request is conditional (If-None-Match, If-Modified-Since): an unchanged file is not
     * downloaded again, only a changed one, or one whose server gives no ETag or Last-Modified.
     */
    public CompletableFuture<AssetCheck> recheck(String url, String expectedSha256) {
        ExpectedDigest expected = ExpectedDigest.of(expectedSha256);
        CheckCache.Key key = key(url, expected);
        Optional<CachedCheck> before = cache.verified(key);
        return answer(url, expected, cache.restart(key, () -> start(url, expected, before)));
    }

    /** Stops downloading; checks not finished yet end as {@link AssetStatus#PENDING}. */
    @Override
    public void close() {
        downloads.shutdown();
        cache.cancelUnfinished();
        downloads.shutdownNow();
        progress.close();
    }

    private CompletableFuture<CachedCheck> start(String url, ExpectedDigest expected, Optional<CachedCheck> before) {
        return CompletableFuture.supplyAsync(() -> check(url, expected, before), downloads);
    }

    private static CompletableFuture<AssetCheck> answer(String url, ExpectedDigest expected,
                                                        CompletableFuture<CachedCheck> check) {
        // Only a closed verifier fails the future: the check never ran.
        return check.handle((cached, error) -> error == null ? cached.check()
                : AssetCheck.pending(url, expected.given()));
    }

    private CachedCheck check(String url, ExpectedDigest expected, Optional<CachedCheck> before) {
        long started = System.nanoTime();
        try {
            Validators validators = before.map(CachedCheck::validators).orElse(Validators.NONE);
            Fetch fetch = fetcher.fetch(url, validators);
            AssetCheck check = judge(url, expected, fetch, before, Duration.ofNanos(System.nanoTime() - started));
            if (Thread.currentThread().isInterrupted()) {
                // Closing interrupted the check; its callers were already told it is pending.
                log.debug("check of {} abandoned: the verifier closed", url);
                return new CachedCheck(check, fetch.validators());
            }
            meters.checkFinished(check.status(), check.duration());
            if (check.status() == AssetStatus.VERIFIED) {
                log.info("verified {} ({} bytes, HTTP {}) in {} ms", url, check.bytes(), check.httpStatus(),
                        check.duration().toMillis());
            } else {
                log.info("asset {} is {}: {}", url, check.status(), check.error());
            }
            return new CachedCheck(check, fetch.validators());
        } catch (RuntimeException e) {
            log.error("checking asset {} failed unexpectedly", url, e);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            meters.checkFinished(AssetStatus.UNREACHABLE, took);
            return new CachedCheck(new AssetCheck(url, null, AssetStatus.UNREACHABLE, expected.given(), null,
                    false, 0, null, null, took, clock.instant(),
                    "the check failed unexpectedly (" + e + "); it will be tried again"), Validators.NONE);
        }
    }

    private AssetCheck judge(String url, ExpectedDigest expected, Fetch fetch, Optional<CachedCheck> before,
                             Duration took) {
        if (fetch.failed()) {
            return new AssetCheck(url, fetch.finalUrl(), fetch.failure().status(), expected.given(), null,
                    expected.isPrefix(), fetch.bytes(), fetch.httpStatus(), fetch.contentType(), took, clock.instant(),
                    fetch.failure().message());
        }
        if (fetch.notModified()) {
            AssetCheck confirmed = before.orElseThrow().check();
            return new AssetCheck(url, fetch.finalUrl(), AssetStatus.VERIFIED, expected.given(),
                    confirmed.actualSha256(), confirmed.prefixOnly(), confirmed.bytes(), fetch.httpStatus(),
                    confirmed.contentType(), took, clock.instant(), null);
        }
        boolean matches = expected.matches(fetch.sha256());
        return new AssetCheck(url, fetch.finalUrl(), matches ? AssetStatus.VERIFIED : AssetStatus.MISMATCH,
                expected.given(), fetch.sha256(), expected.isPrefix(), fetch.bytes(), fetch.httpStatus(),
                fetch.contentType(), took, clock.instant(),
                matches ? null : expected.mismatch(fetch.sha256(), fetch.contentType()));
    }

    private static CheckCache.Key key(String url, ExpectedDigest expected) {
        return new CheckCache.Key(url, expected.hex());
    }

    private static ThreadFactory downloadThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "asset-verifier-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
