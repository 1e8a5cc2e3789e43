package io.cardex.card;

import io.cardex.card.internals.CardFields;
import io.cardex.card.internals.CardSections;
import io.cardex.card.internals.Header;
import io.cardex.card.internals.HeaderReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a card file: an optional {@code # Title} line, a YAML header between the first two
 * {@code ---} lines, then a Markdown body. It never throws on bad input: whatever is wrong
 * becomes a {@link Problem} of the returned card.
 */
public final class CardParser {

    private final HeaderReader headerReader = new HeaderReader();

    public Card parse(CardId id, String text) {
        List<Problem> problems = new ArrayList<>();
        CardSections sections = CardSections.split(text, problems);
        Header header = sections.header()
                .map(yaml -> headerReader.read(yaml, sections.headerFirstLine(), problems))
                .orElse(Header.EMPTY);
        return CardFields.toCard(id, sections, header, problems);
    }
}
