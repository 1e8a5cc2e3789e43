package io.cardex.card.event;

import io.cardex.card.CardBody;
import io.cardex.card.PaperRef;
import io.cardex.card.Section;
import java.util.ArrayList;
import java.util.List;

/**
 * A card's body as a change event of schema 4 carries it: the Markdown once, and each section as
 * its heading and the span of its text in that Markdown, not a second copy of the text.
 *
 * @param sections        each section's heading and where its text is in {@code markdown}
 * @param citationSection the index of the section whose text is the citation
 * @param citation        the citation's text, only when it is no section's: a card published
 *                        without its texts (too large) keeps its citation, for the papers it links
 */
record EventBody(String markdown, List<SectionSpan> sections, Integer citationSection, String citation,
                 List<PaperRef> papers) {

    /**
     * A section whose text is {@code markdown.substring(offset, offset + length)}: offsets count
     * UTF-16 code units, as Java and JavaScript index strings.
     */
    record SectionSpan(String heading, int level, int line, int offset, int length) {
    }

    /**
     * Finds each section's text in the Markdown, last section first: a section's text ends at the
     * last non-blank character before the next heading's line (or the end), and that heading's line
     * starts after the last line break before its text. This walks the Markdown once, where
     * searching for each text could take time quadratic in a hostile card's length.
     *
     * @throws IllegalArgumentException when a section's text is not where its heading says,
     *                                  which only a body not read by the card parser can be
     */
    static EventBody of(CardBody body) {
        String markdown = body.markdown();
        List<Section> sections = body.sections();
        SectionSpan[] spans = new SectionSpan[sections.size()];
        int nextHeading = markdown.length();
        for (int i = sections.size() - 1; i >= 0; i--) {
            Section section = sections.get(i);
            int end = blanksBefore(markdown, nextHeading);
            int start = end - section.text().length();
            if (start < 0 || !markdown.startsWith(section.text(), start)) {
                throw new IllegalArgumentException("the text of the section '" + section.heading() + "' (line "
                        + section.line() + ") is not where it should be in the body's Markdown");
            }
            spans[i] = new SectionSpan(section.heading(), section.level(), section.line(), start, section.text().length());
            nextHeading = markdown.lastIndexOf('\n', blanksBefore(markdown, start) - 1) + 1;
        }
        int citationSection = body.citation() == null ? -1 : sections.stream().map(Section::text).toList()
                .indexOf(body.citation());
        return citationSection < 0 ? new EventBody(markdown, List.of(spans), null, body.citation(), body.papers())
                : new EventBody(markdown, List.of(spans), citationSection, null, body.papers());
    }

    /**
     * The body with each section's text taken from the Markdown.
     *
     * @throws IllegalArgumentException when a span lies outside the Markdown
     */
    CardBody toBody() {
        String text = markdown == null ? "" : markdown;
        List<Section> read = new ArrayList<>();
        for (SectionSpan span : sections == null ? List.<SectionSpan>of() : sections) {
            if (span.offset() < 0 || span.length() < 0 || span.offset() > text.length() - span.length()) {
                throw new IllegalArgumentException("the section '" + span.heading() + "' spans characters "
                        + span.offset() + " to " + ((long) span.offset() + span.length()) + " of a Markdown of "
                        + text.length());
            }
            read.add(new Section(span.heading(), span.level(), span.line(),
                    text.substring(span.offset(), span.offset() + span.length())));
        }
        if (citationSection != null && (citationSection < 0 || citationSection >= read.size())) {
            throw new IllegalArgumentException("the citation is section " + citationSection + " of " + read.size());
        }
        return new CardBody(text, read, citationSection == null ? citation : read.get(citationSection).text(),
                papers == null ? List.of() : papers);
    }

    /** Where the blanks right before {@code position} start: after the last non-blank character before it. */
    private static int blanksBefore(String text, int position) {
        int i = position;
        while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }
}
