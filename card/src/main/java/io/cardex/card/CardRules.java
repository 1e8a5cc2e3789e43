package io.cardex.card;

import java.util.Optional;
import java.util.Set;

/**
 * The settings cards are read and checked with.
 *
 * @param maxFileBytes      a larger card file is not read, and is reported
 * @param hub               the hub's lists: module types, required fields, formats, datasets, allowed hosts...
 * @param featuredImages    the file names of the repository's {@code images/} folder, which a
 *                          {@code featured-image} must name (or {@code no-image}); empty when the
 *                          folder is not known, and then the field is not looked up
 */
public record CardRules(long maxFileBytes, HubRules hub, Optional<Set<String>> featuredImages) {

    public static final long DEFAULT_MAX_FILE_BYTES = 1L << 20;
    /** The allowed hosts of the default rules ({@link HubRules#DEFAULT}). */
    public static final Set<String> DEFAULT_ALLOWED_HOSTS = HubRules.DEFAULT.allowedHosts();
    public static final CardRules DEFAULT = new CardRules(DEFAULT_MAX_FILE_BYTES, HubRules.DEFAULT);

    /** The hub's placeholder for a card without an image. */
    public static final String NO_IMAGE = "no-image";

    public CardRules(long maxFileBytes, HubRules hub) {
        this(maxFileBytes, hub, Optional.empty());
    }

    /** The default rules of the hub, but with these allowed hosts. */
    public CardRules(long maxFileBytes, Set<String> allowedHosts) {
        this(maxFileBytes, HubRules.DEFAULT.withAllowedHosts(allowedHosts));
    }

    public CardRules {
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("the largest card file must be at least 1 byte, not " + maxFileBytes);
        }
        featuredImages = featuredImages.map(Set::copyOf);
    }

    /** The same rules, knowing the images a {@code featured-image} may name. */
    public CardRules withFeaturedImages(Set<String> images) {
        return new CardRules(maxFileBytes, hub, Optional.of(images));
    }

    public Set<String> allowedHosts() {
        return hub.allowedHosts();
    }

    public boolean allowsHost(String host) {
        return hub.allowsHost(host);
    }
}
