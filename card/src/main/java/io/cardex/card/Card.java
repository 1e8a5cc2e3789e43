package io.cardex.card;

import java.util.ArrayList;
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

    /**
     * This card without its long texts (the body's Markdown, what a paper page says, which is read
     * from that Markdown, and the Chinese version), with a
     * {@code too-large} error saying why: what is published when the card's change event would be
     * larger than a record may be, so that the card is found, as invalid, with its fields, instead
     * of failing its repository's ingest.
     *
     * @param file the card's file the problem is reported on
     */
    public Card withoutTexts(String file, long eventBytes, long maxRecordBytes) {
        List<Problem> withTooLarge = new ArrayList<>(problems);
        withTooLarge.add(new Problem(file, "too-large", Severity.ERROR, 0, 0, "the card's change event would have "
                + eventBytes + " bytes, more than the " + maxRecordBytes + " a record may have: shorten the card "
                + "(move long tables and logs out of it)"));
        CardBody withoutText = body == null ? null
                : new CardBody("", List.of(), body.citation(), body.papers());
        return new Card(id, kind, title, header, withoutText, null, null, withTooLarge);
    }

    /** A card is valid when none of its problems is an error; warnings are allowed. */
    @JsonIgnore
    public boolean isValid() {
        return problems.stream().noneMatch(Problem::isError);
    }
}
