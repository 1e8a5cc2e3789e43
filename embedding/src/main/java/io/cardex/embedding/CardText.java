package io.cardex.embedding;

import io.cardex.card.Card;
import io.cardex.card.CardHeader;
import io.cardex.card.Section;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a card says it is for, as the text its vector is made from: its title and summary, its
 * module type, what it was trained on, and the start of its introduction. Not its citation,
 * disclaimer or tables: they say little of what the model does and would drown the rest.
 *
 * @param text the text to embed, at most {@link #MAX_CHARS} characters
 */
public record CardText(String text) {

    /**
     * A bound on what is kept, above what the model reads: the embedder cuts a text exactly, at
     * {@link TextEmbedder#PIECES} word pieces (some 270 characters of English, fewer with rare
     * words or numbers), which no count of characters can do.
     */
    static final int MAX_CHARS = 700;
    /** Sections of the body that do not say what a model does. */
    private static final Set<String> NOT_WHAT_FOR = Set.of("citation", "disclaimer", "references", "license");

    public CardText {
        text = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    }

    /** The text of a card. */
    public static CardText of(Card card) {
        List<String> parts = new ArrayList<>();
        add(parts, card.title());
        CardHeader header = card.header();
        if (header != null) {
            add(parts, header.summary());
            if (header.moduleType() != null) {
                add(parts, (header.moduleType().type() + " " + header.moduleType().detail()).replace('-', ' '));
            }
            if (!header.trainDatasets().isEmpty()) {
                add(parts, "trained on " + String.join(", ", header.trainDatasets()));
            }
        }
        if (card.body() != null) {
            card.body().sections().stream()
                    .filter(section -> !NOT_WHAT_FOR.contains(section.heading().strip().toLowerCase(Locale.ROOT)))
                    .map(Section::text)
                    .forEach(text -> add(parts, text));
        }
        if (parts.isEmpty()) {
            // A card too broken to say anything still gets a vector, of its name: it is not searched again and again.
            parts.add(card.id().value().replace('/', ' ').replace('_', ' '));
        }
        return new CardText(parts.stream().map(part -> part.replaceAll("\\s+", " ").strip())
                .collect(Collectors.joining(". ")));
    }

    private static void add(List<String> parts, String part) {
        if (part != null && !part.isBlank()) {
            parts.add(part);
        }
    }

    /**
     * The key of the vector made from this text: the SHA-256 of the model's name and the text. A card
     * whose text did not change keeps its vector, whatever else changed in it (an asset check, a
     * reindex); another model never reuses the vectors of this one.
     */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((TextEmbedder.MODEL + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
