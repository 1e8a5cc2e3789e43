package io.cardex.card;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * A card as cardex understands it: the normalised fields of its YAML header, its Markdown body,
 * its Chinese version where there is one, and every problem found while reading and checking
 * it. A card with problems is still a card, so that people can find it and fix it.
 *
 * @param title     the {@code # Title} line above the header (for a paper page, the paper's title)
 * @param header    the header fields of a model card; {@code null} for a paper page
 * @param paperPage what a paper page says; {@code null} for a model card
 * @param chinese   the text of {@code <name>_cn.md}, when the card has one
 */
public record Card(
        CardId id,
        CardKind kind,
        String title,
        CardHeader header,
        CardBody body,
        PaperPage paperPage,
        Translation chinese,
        List<Problem> problems) {

    public Card {
        problems = List.copyOf(problems);
    }

    /** A card is valid when none of its problems is an error; warnings are allowed. */
    @JsonIgnore
    public boolean isValid() {
        return problems.stream().noneMatch(Problem::isError);
    }
}
