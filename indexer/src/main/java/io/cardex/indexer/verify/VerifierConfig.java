package io.cardex.indexer.verify;

import io.cardex.card.CardRules;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How assets are downloaded and checked.
 *
 * @param allowedHosts          hosts an asset may be fetched from, each with its sub-domains (the rule of
 *                              {@link CardRules#allowsHost}); the hosts of {@code mirrors} are allowed too
 * @param allowLoopback         whether a host may resolve to a loopback address (127/8, ::1); for tests
 * @param allowPrivateAddresses whether a host may resolve to a private address (10/8, 172.16/12,
 *                              192.168/16, 100.64/10, fc00::/7), e.g. for an internal mirror. Link-local
 *                              (cloud metadata), unspecified, multicast and reserved addresses are refused
 *                              always
 * @param maxBytes              a larger asset is not downloaded (or cut off) and reported as too large
 * @param connectTimeout        how long connecting to a server may take
 * @param readTimeout           how long the server may send nothing, waiting for headers or body bytes
 * @param totalTimeout          how long checking one asset may take at most, redirects included
 * @param maxRedirects          how many redirects are followed
 * @param concurrency           how many assets are downloaded at the same time
 * @param mirrors               rewrites applied to a link before it is fetched; the first that matches wins
 * @param progressEvery         how often a download still running logs how far it is; a shorter one logs nothing
 */
public record VerifierConfig(
        Set<String> allowedHosts,
        boolean allowLoopback,
        boolean allowPrivateAddresses,
        long maxBytes,
        Duration connectTimeout,
        Duration readTimeout,
        Duration totalTimeout,
        int maxRedirects,
        int concurrency,
        List<Mirror> mirrors,
        Duration progressEvery) {

    public static final long DEFAULT_MAX_BYTES = 4L << 30;
    public static final int MAX_CONCURRENCY = 256;
    public static final int MAX_REDIRECTS = 20;

    /** The hub's hosts, public addresses only, 4 GiB, 4 downloads at a time, no mirrors, progress every 10 s. */
    public static final VerifierConfig DEFAULT = new VerifierConfig(
            CardRules.DEFAULT_ALLOWED_HOSTS, false, false, DEFAULT_MAX_BYTES,
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(30),
            5, 4, List.of(), Duration.ofSeconds(10));

    public VerifierConfig {
        allowedHosts = Set.copyOf(Objects.requireNonNull(allowedHosts, "allowedHosts"));
        mirrors = List.copyOf(Objects.requireNonNull(mirrors, "mirrors"));
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, not " + maxBytes);
        }
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("readTimeout", readTimeout);
        requirePositive("totalTimeout", totalTimeout);
        requirePositive("progressEvery", progressEvery);
        if (maxRedirects < 0 || maxRedirects > MAX_REDIRECTS) {
            throw new IllegalArgumentException(
                    "maxRedirects must be between 0 and " + MAX_REDIRECTS + ", not " + maxRedirects);
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException(
                    "concurrency must be between 1 and " + MAX_CONCURRENCY + ", not " + concurrency);
        }
    }

    /** The URL a card's link is fetched from: the link itself, or where its mirror has it. */
    public String fetchUrl(String link) {
        return mirrors.stream().flatMap(mirror -> mirror.rewrite(link).stream()).findFirst().orElse(link);
    }

    public VerifierConfig withAllowedHosts(Set<String> hosts) {
        return new VerifierConfig(hosts, allowLoopback, allowPrivateAddresses, maxBytes, connectTimeout,
                readTimeout, totalTimeout, maxRedirects, concurrency, mirrors, progressEvery);
    }

    public VerifierConfig withAllowLoopback(boolean allow) {
        return new VerifierConfig(allowedHosts, allow, allowPrivateAddresses, maxBytes, connectTimeout,
                readTimeout, totalTimeout, maxRedirects, concurrency, mirrors, progressEvery);
    }

    public VerifierConfig withAllowPrivateAddresses(boolean allow) {
        return new VerifierConfig(allowedHosts, allowLoopback, allow, maxBytes, connectTimeout,
                readTimeout, totalTimeout, maxRedirects, concurrency, mirrors, progressEvery);
    }

    public VerifierConfig withMaxBytes(long bytes) {
        return new VerifierConfig(allowedHosts, allowLoopback, allowPrivateAddresses, bytes, connectTimeout,
                readTimeout, totalTimeout, maxRedirects, concurrency, mirrors, progressEvery);
    }

    public VerifierConfig withTimeouts(Duration connect, Duration read, Duration total) {
        return new VerifierConfig(allowedHosts, allowLoopback, allowPrivateAddresses, maxBytes, connect,
                read, total, maxRedirects, concurrency, mirrors, progressEvery);
    }

    public VerifierConfig withMaxRedirects(int redirects) {
        return new VerifierConfig(allowedHosts, allowLoopback, allowPrivateAddresses, maxBytes, connectTimeout,
                readTimeout, totalTimeout, redirects, concurrency, mirrors, progressEvery);
    }

    public VerifierConfig withConcurrency(int downloads) {
        return new VerifierConfig(allowedHosts, allowLoopback, allowPrivateAddresses, maxBytes, connectTimeout,
                readTimeout, totalTimeout, maxRedirects, downloads, mirrors, progressEvery);
    }

    public VerifierConfig withMirrors(List<Mirror> rewrites) {
        return new VerifierConfig(allowedHosts, allowLoopback, allowPrivateAddresses, maxBytes, connectTimeout,
                readTimeout, totalTimeout, maxRedirects, concurrency, rewrites, progressEvery);
    }

    public VerifierConfig withProgressEvery(Duration every) {
        return new VerifierConfig(allowedHosts, allowLoopback, allowPrivateAddresses, maxBytes, connectTimeout,
                readTimeout, totalTimeout, maxRedirects, concurrency, mirrors, every);
    }

    private static void requirePositive(String setting, Duration duration) {
        Objects.requireNonNull(duration, setting);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(setting + " must be positive, not " + duration);
        }
    }
}
