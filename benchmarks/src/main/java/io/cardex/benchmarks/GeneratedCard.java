package io.cardex.benchmarks;

import io.cardex.card.Card;
import io.cardex.card.CardFile;
import io.cardex.card.CardId;
import io.cardex.card.CardParser;
import java.util.Optional;

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
}
