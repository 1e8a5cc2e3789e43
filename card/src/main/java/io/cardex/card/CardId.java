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
    private static final String EXTENSION = ".md";

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
     * The card stored at a path below the cards root, or empty when that path is not a card
     * (wrong depth, not Markdown).
     */
    public static Optional<CardId> fromPath(String pathBelowRoot) {
        if (!pathBelowRoot.endsWith(EXTENSION)) {
            return Optional.empty();
        }
        String withoutExtension = pathBelowRoot.substring(0, pathBelowRoot.length() - EXTENSION.length());
        try {
            return Optional.of(new CardId(withoutExtension));
        } catch (IllegalArgumentException notACard) {
            return Optional.empty();
        }
    }

    /** The path of this card's file below the cards root. */
    public String path() {
        return value + EXTENSION;
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
