package io.cardex.card;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The identity of a card inside its repository: its path below the cards root without
 * {@code .md}, laid out as {@code <user-id>/<version>/<name>}, e.g.
 * {@code mindspore/1.9/refinenet_voc2012}.
 */
public record CardId(String value) {

    private static final Pattern SEGMENT = Pattern.compile("[^/\\s][^/]*");

    @JsonCreator
    public CardId {
        String[] segments = value == null ? new String[0] : value.split("/", -1);
        if (segments.length != 3) {
            throw new IllegalArgumentException(
                    "card id '" + value + "' is not of the form <user-id>/<version>/<name>");
        }
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals("..") || segment.equals(".")) {
                throw new IllegalArgumentException("card id '" + value + "' has an empty or invalid segment");
            }
        }
    }

    /**
     * The card a file below the cards root belongs to, or empty when the file is not part of a
     * card (wrong depth, not Markdown). {@code x.md} and its Chinese version {@code x_cn.md} both
     * belong to card {@code x}.
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

    /** The path below the cards root of this card's file in a language. */
    public String path(Language language) {
        return value + language.suffix();
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
