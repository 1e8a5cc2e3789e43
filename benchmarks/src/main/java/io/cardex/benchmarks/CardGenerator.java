package io.cardex.benchmarks;

import io.cardex.card.CardFile;
import io.cardex.card.CardId;
import io.cardex.card.Language;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes a corpus of varied, realistic model cards from a seed: the same seed always makes the
 * same cards. About one card in ten is broken the way real cards are (see {@link Flaw}), and
 * about one in ten also has a Chinese version.
 */
public final class CardGenerator {

    static final double BROKEN_SHARE = 0.10;
    static final double CHINESE_SHARE = 0.10;
    /** Real hub cards are 2 to 6 KB; the body overshoots its size by up to one paragraph. */
    private static final int SMALLEST_CARD_BYTES = 2_048;
    private static final int LARGEST_CARD_BYTES = 5_600;
    /** The share of cards in the hub's own style, a blank line between header fields. */
    private static final double HUB_STYLE_SHARE = 0.7;

    private final SeededChoices choices;

    public CardGenerator(long seed) {
        this.choices = new SeededChoices(seed);
    }

    public List<GeneratedCard> generate(int count) {
        List<GeneratedCard> cards = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            cards.add(next());
        }
        return cards;
    }

    /** The next card of the corpus, for a writer that keeps no more than one card in memory. */
    public GeneratedCard next() {
        ModelSpec spec = ModelSpec.random(choices);
        Flaw flaw = choices.chance(BROKEN_SHARE) ? choices.oneOf(Flaw.BREAKING) : Flaw.NONE;
        CardId id = new CardId(spec.owner() + "/" + spec.version() + "/" + spec.name());
        String header = flaw.breakHeader(HeaderWriter.english(spec, choices.chance(HUB_STYLE_SHARE)), choices);
        String english = cardFile(header, BodyWriter.english(choices), spec);
        Optional<CardFile> chinese = choices.chance(CHINESE_SHARE)
                ? Optional.of(CardFile.of(id.path(Language.ZH),
                        cardFile(HeaderWriter.chinese(spec), BodyWriter.chinese(choices), spec)))
                : Optional.empty();
        return new GeneratedCard(id, CardFile.of(id.path(Language.EN), english), chinese, flaw);
    }

    /** A card file: title line, header between two {@code ---} lines, then a body that brings it to 2-6 KB. */
    private String cardFile(String header, BodyWriter body, ModelSpec spec) {
        String top = "# " + spec.family().name() + "\n\n---\n" + header + "---\n\n";
        int size = choices.between(SMALLEST_CARD_BYTES, LARGEST_CARD_BYTES);
        return top + body.write(spec, size - top.getBytes(StandardCharsets.UTF_8).length);
    }
}
