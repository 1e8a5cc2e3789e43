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
            throw new IllegalArgumentException("the largest asset to download must be at least 1 byte, not " + maxBytes);
        }
        requirePositive("the time to connect to an asset's server", connectTimeout);
        requirePositive("the time an asset's server may stay silent", readTimeout);
        requirePositive("the time to check one asset", totalTimeout);
        requirePositive("the interval between progress lines of a download", progressEvery);
        if (maxRedirects < 0 || maxRedirects > MAX_REDIRECTS) {
            throw new IllegalArgumentException(
                    "the redirects followed to an asset must be between 0 and " + MAX_REDIRECTS + ", not " + maxRedirects);
        }
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException(
                    "the downloads of assets at once must be between 1 and " + MAX_CONCURRENCY + ", not " + concurrency);
        }
    }

    /** The URL a card's link is fetched from: the link itself, or where its mirror has it. */
    public String fetchUrl(String link) {
        return mirrors.stream().flatMap(mirror -> mirror.rewrite(link).stream()).findFirst().orElse(link);
    }

    /** A builder starting from {@link #DEFAULT}. */
    public static Builder builder() {
        return DEFAULT.toBuilder();
    }

    /** A builder starting from this configuration. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a configuration one setting at a time; each setting is checked by {@link #build()}. */
    public static final class Builder {

        private Set<String> allowedHosts;
        private boolean allowLoopback;
        private boolean allowPrivateAddresses;
        private long maxBytes;
        private Duration connectTimeout;
        private Duration readTimeout;
        private Duration totalTimeout;
        private int maxRedirects;
        private int concurrency;
        private List<Mirror> mirrors;
        private Duration progressEvery;

        private Builder(VerifierConfig from) {
            allowedHosts = from.allowedHosts;
            allowLoopback = from.allowLoopback;
            allowPrivateAddresses = from.allowPrivateAddresses;
            maxBytes = from.maxBytes;
            connectTimeout = from.connectTimeout;
            readTimeout = from.readTimeout;
            totalTimeout = from.totalTimeout;
            maxRedirects = from.maxRedirects;
            concurrency = from.concurrency;
            mirrors = from.mirrors;
            progressEvery = from.progressEvery;
        }

        public Builder allowedHosts(Set<String> hosts) {
            this.allowedHosts = hosts;
            return this;
        }

        public Builder allowLoopback(boolean allow) {
            this.allowLoopback = allow;
            return this;
        }

        public Builder allowPrivateAddresses(boolean allow) {
            this.allowPrivateAddresses = allow;
            return this;
        }

        public Builder maxBytes(long bytes) {
            this.maxBytes = bytes;
            return this;
        }

        public Builder timeouts(Duration connect, Duration read, Duration total) {
            this.connectTimeout = connect;
            this.readTimeout = read;
            this.totalTimeout = total;
            return this;
        }

        public Builder maxRedirects(int redirects) {
            this.maxRedirects = redirects;
            return this;
        }

        public Builder concurrency(int downloads) {
            this.concurrency = downloads;
            return this;
        }

        public Builder mirrors(List<Mirror> rewrites) {
            this.mirrors = rewrites;
            return this;
        }

        public Builder progressEvery(Duration every) {
            this.progressEvery = every;
            return this;
        }

        /** @throws IllegalArgumentException naming the setting that is out of range */
        public VerifierConfig build() {
            return new VerifierConfig(allowedHosts, allowLoopback, allowPrivateAddresses, maxBytes, connectTimeout,
                    readTimeout, totalTimeout, maxRedirects, concurrency, mirrors, progressEvery);
        }
    }

    private static void requirePositive(String setting, Duration duration) {
        Objects.requireNonNull(duration, setting);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(setting + " must be positive, not " + duration);
        }
    }
}
