package io.cardex.card;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The identity of a card inside its repository: its path below the cards root without
 * {@code .md}, {@code <user-id>/.../<name>} at any depth, e.g. {@code mindspore/1.9/refinenet_voc2012}
 * or {@code noah-cvlab/gpu/1.8/ghostnet_imagenet2012}. The whole path stays in the id, so two card
 * files never share one.
 */
public record CardId(String value) {

    /**
     * Room left in an Elasticsearch document id (at most 512 bytes) once the repository name
     * (at most 64) and its slash stand before the card id.
     */
    public static final int MAX_BYTES = 512 - 65;
    private static final Pattern SEGMENT = Pattern.compile("[^/\\s\\p{Cntrl}][^/\\p{Cntrl}]*");
    /** The hub's backends, the middle folder of its older layout {@code <user-id>/<backend>/<version>/<name>}. */
    private static final Set<String> BACKENDS = Set.of("cpu", "gpu", "ascend");

    @JsonCreator
    public CardId {
        String[] segments = value == null ? new String[0] : value.split("/", -1);
        if (segments.length < 2) {
            throw new IllegalArgumentException(
                    "card id '" + value + "' is not of the form <user-id>/.../<name>: it needs a user-id folder");
        }
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals("..") || segment.equals(".")) {
                throw new IllegalArgumentException("card id '" + value + "' has an empty or invalid segment");
            }
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("card id '" + value + "' is longer than " + MAX_BYTES + " bytes");
        }
    }

    /**
     * The card a file below the cards root belongs to, or empty when the file cannot be part of a
     * card (not Markdown, directly under the root, a segment no key can hold). {@code x.md} and its
     * Chinese version {@code x_cn.md} both belong to card {@code x}. {@link CardPaths} says why a
     * file is not a card.
     */
    public static Optional<CardId> fromPath(String pathBelowRoot) {
        Language language = Language.ofPath(pathBelowRoot);
        if (!pathBelowRoot.endsWith(language.suffix())) {
            return Optional.empty();
        }
        String withoutSuffix = pathBelowRoot.substring(0, pathBelowRoot.length() - language.suffix().length());
        try {
            return Optional.of(new CardId(withoutSuffix));
        } catch (IllegalArgumentException notACard) {
            return Optional.empty();
        }
    }

    /** The first segment: the hub user the card is filed under, e.g. {@code mindspore}. */
    public String userId() {
        return value.substring(0, value.indexOf('/'));
    }

    /** The last segment: the card's file name without {@code .md}. */
    public String name() {
        return value.substring(value.lastIndexOf('/') + 1);
    }

    /**
     * The segment just before the name ({@code 1.9} of {@code mindspore/1.9/refinenet_voc2012});
     * empty for a card filed directly under its user.
     */
    public Optional<String> version() {
        String[] segments = segments();
        return segments.length >= 3 ? Optional.of(segments[segments.length - 2]) : Optional.empty();
    }

    /**
     * The backend folder of the hub's older layout, {@code gpu} of
     * {@code noah-cvlab/gpu/1.8/ghostnet_imagenet2012}: a middle segment that names a backend.
     */
    public Optional<String> backend() {
        String[] segments = segments();
        return Arrays.stream(segments, 1, segments.length - 1).filter(BACKENDS::contains).findFirst();
    }

    /** The path below the cards root of this card's file in a language. */
    public String path(Language language) {
        return value + language.suffix();
    }

    private String[] segments() {
        return value.split("/");
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
