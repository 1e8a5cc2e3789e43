package io.cardex.card;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The settings cards are read and checked with.
 *
 * @param maxFileBytes      a larger card file is not read, and is reported
 * @param allowedHosts hosts a {@code repo-link} or {@code asset-link} may point at; a sub-domain of one is
 *                          allowed too
 */
public record CardRules(long maxFileBytes, Set<String> allowedHosts) {

    public static final long DEFAULT_MAX_FILE_BYTES = 1L << 20;
    /** Where the hub's own cards keep their checkpoints and code. */
    public static final Set<String> DEFAULT_ALLOWED_HOSTS =
            Set.of("download.mindspore.cn", "www.mindspore.cn", "gitee.com", "github.com");
    public static final CardRules DEFAULT = new CardRules(DEFAULT_MAX_FILE_BYTES, DEFAULT_ALLOWED_HOSTS);

    public CardRules {
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("the largest card file must be at least 1 byte, not " + maxFileBytes);
        }
        allowedHosts = allowedHosts.stream().map(host -> host.strip().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    public boolean allowsHost(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return allowedHosts.stream().anyMatch(allowed -> lower.equals(allowed) || lower.endsWith("." + allowed));
    }
}
