package io.cardex.indexer.verify;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Fetches links starting with {@code fromPrefix} from {@code toPrefix} instead, e.g. a hub's
 * download site from an internal mirror. The prefixes are compared exactly, case included.
 */
public record Mirror(String fromPrefix, String toPrefix) {

    public Mirror {
        requireHttpPrefix("fromPrefix", fromPrefix);
        requireHttpPrefix("toPrefix", toPrefix);
    }

    /** The link as fetched from this mirror, or empty when the link is not under {@code fromPrefix}. */
    public Optional<String> rewrite(String link) {
        return link.startsWith(fromPrefix)
                ? Optional.of(toPrefix + link.substring(fromPrefix.length()))
                : Optional.empty();
    }

    /** The host the mirror serves from; it is allowed like the hosts of the allowlist. */
    public String host() {
        return URI.create(toPrefix).getHost();
    }

    private static void requireHttpPrefix(String setting, String prefix) {
        Objects.requireNonNull(prefix, setting);
        if (!prefix.startsWith("http://") && !prefix.startsWith("https://")) {
            throw new IllegalArgumentException("mirror " + setting + " must start with http:// or https://, not '"
                    + prefix + "'");
        }
        String host;
        try {
            host = URI.create(prefix).getHost();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mirror " + setting + " '" + prefix + "' is not a URL: "
                    + e.getMessage(), e);
        }
        if (host == null) {
            throw new IllegalArgumentException("mirror " + setting + " '" + prefix + "' names no host");
        }
    }
}
