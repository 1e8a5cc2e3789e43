package io.cardex.card;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The settings cards are read and checked with.
 *
 * @param maxFileBytes      a larger card file is not read, and is reported
 * @param allowedHosts      hosts a {@code repo-link} or {@code asset-link} may point at; a sub-domain of one is
 *                          allowed too
 * @param featuredImages    the file names of the repository's {@code images/} folder, which a
 *                          {@code featured-image} must name (or {@code no-image}); empty when the
 *                          folder is not known, and then the field is not looked up
 */
public record CardRules(long maxFileBytes, Set<String> allowedHosts, Optional<Set<String>> featuredImages) {

    public static final long DEFAULT_MAX_FILE_BYTES = 1L << 20;
    /**
     * Where the hub's own cards keep their checkpoints and code, comma-separated: the one place
     * the default is written, read by the command line too.
     */
    public static final String DEFAULT_ALLOWED_HOSTS_LIST = "download.mindspore.cn,www.mindspore.cn,gitee.com,github.com";
    public static final Set<String> DEFAULT_ALLOWED_HOSTS = Set.of(DEFAULT_ALLOWED_HOSTS_LIST.split(","));
    public static final CardRules DEFAULT = new CardRules(DEFAULT_MAX_FILE_BYTES, DEFAULT_ALLOWED_HOSTS);

    /** The hub's placeholder for a card without an image. */
    public static final String NO_IMAGE = "no-image";

    public CardRules(long maxFileBytes, Set<String> allowedHosts) {
        this(maxFileBytes, allowedHosts, Optional.empty());
    }

    public CardRules {
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("the largest card file must be at least 1 byte, not " + maxFileBytes);
        }
        allowedHosts = allowedHosts.stream().map(host -> host.strip().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty()).collect(Collectors.toUnmodifiableSet());
        featuredImages = featuredImages.map(Set::copyOf);
    }

    /** The same rules, knowing the images a {@code featured-image} may name. */
    public CardRules withFeaturedImages(Set<String> images) {
        return new CardRules(maxFileBytes, allowedHosts, Optional.of(images));
    }

    public boolean allowsHost(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return allowedHosts.stream().anyMatch(allowed -> lower.equals(allowed) || lower.endsWith("." + allowed));
    }
}
