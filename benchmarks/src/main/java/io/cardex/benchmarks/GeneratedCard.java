package io.cardex.benchmarks;

import io.cardex.card.Card;
import io.cardex.card.CardFile;
import io.cardex.card.CardId;
import io.cardex.card.CardParser;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One card of a generated corpus: its files as the parser gets them from git, and the flaw it
 * was given, if any.
 *
 * @param chinese its {@code _cn.md} file, for the cards that have a Chinese version
 */
public record GeneratedCard(CardId id, CardFile english, Optional<CardFile> chinese, Flaw flaw) {

    Card parse(CardParser parser) {
        return parser.parse(id, Optional.of(english), chinese);
    }

    /**
     * This card, or when its id is taken, the same card filed under the first of
     * {@code <name>_2}, {@code <name>_3}, ... that is not, as a hub files a second card of one
     * model. Drawing again instead gets slower the more ids are taken and never ends beyond the
     * generator's some 14,000 ids (model families with their variants and datasets, versions,
     * users), of which the commonest come up far more often than the rarest.
     */
    public GeneratedCard withFreeId(Predicate<CardId> taken) {
        if (!taken.test(id)) {
            return this;
        }
        int number = 2;
        while (taken.test(numbered(number))) {
            number++;
        }
        CardId free = numbered(number);
        return new GeneratedCard(free, filedAs(english, free), chinese.map(file -> filedAs(file, free)), flaw);
    }

    /** The same card filed under another id, as a move of its files would. */
    public GeneratedCard filedAs(CardId other) {
        return new GeneratedCard(other, filedAs(english, other), chinese.map(file -> filedAs(file, other)), flaw);
    }

    private CardId numbered(int number) {
        return new CardId(id.value() + "_" + number);
    }

    private static CardFile filedAs(CardFile file, CardId id) {
        return new CardFile(id.path(file.language()), file.content(), file.size());
    }
}
