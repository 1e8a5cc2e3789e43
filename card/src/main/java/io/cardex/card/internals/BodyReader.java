package io.cardex.card.internals;

import io.cardex.card.CardBody;
import io.cardex.card.PaperRef;
import io.cardex.card.Section;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a card's Markdown body: its sections (headings inside code blocks do not count), its
 * citation section, and the papers the citation identifies by arXiv id or DOI.
 */
public final class BodyReader {

    /**
     * The opening of a heading line. Its text is taken apart in code: a regular expression for
     * "text, then optional closing '#'s and blanks" took quadratic time on a long run of blanks.
     */
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern CITATION_HEADING =
            Pattern.compile("(?i)^(citations?|references?|how to cite|引用|参考文献|引用说明)\\b.*|^(引用|参考).*");
    // Possessive and bounded quantifiers keep these linear on long runs of blanks or letters
    // ("arxiv" then a megabyte of spaces); old-style archive names, e.g. cond-mat.stat-mech, are short.
    private static final Pattern ARXIV_NEW = Pattern.compile(
            "(?i)(?:arxiv\\s*+(?::\\s*+)?|arxiv\\.org/(?:abs|pdf)/)(\\d{4}\\.\\d{4,5})(?:v\\d+)?");
    private static final Pattern ARXIV_OLD = Pattern.compile(
            "(?i)(?:arxiv\\s*+(?::\\s*+)?|arxiv\\.org/(?:abs|pdf)/)([a-z][a-z.\\-]{0,24}+/\\d{7})(?:v\\d+)?");
    private static final Pattern DOI = Pattern.compile("(?i)\\b(10\\.\\d{4,9}/[^\\s\"<>]+)");
    private static final String DOI_TRAILING_PUNCTUATION = ".,;:)]}'";

    private BodyReader() {
    }

    /**
     * @param firstLine 1-based line of the body's first line in the card file
     */
    public static CardBody read(String body, int firstLine, FileProblems problems) {
        List<Section> sections = sections(body, firstLine, problems);
        String citation = sections.stream()
                .filter(section -> CITATION_HEADING.matcher(section.heading()).matches())
                .map(Section::text)
                .findFirst()
                .orElse(null);
        return new CardBody(body.strip(), sections, citation, papers(citation != null ? citation : body));
    }

    private static List<Section> sections(String body, int firstLine, FileProblems problems) {
        List<Section> sections = new ArrayList<>();
        boolean inFence = false;
        String heading = null;
        int level = 0;
        int headingLine = 0;
        int textStart = 0;
        int lineIndex = 0;
        // Walks the body by offsets: a section's text is one substring, not a join of its lines.
        for (int start = 0; start < body.length(); lineIndex++) {
            int end = body.indexOf('\n', start);
            end = end < 0 ? body.length() : end;
            String line = null;
            Matcher next = null;
            // Only a line starting with '#', '`' or '~' can be a heading or a fence: the others
            // (nearly all) are not worth a regex.
            if (startsWithMark(body, start, end)) {
                line = body.substring(start, end);
                next = HEADING.matcher(line);
                if (FENCE.matcher(line).find()) {
                    inFence = !inFence;
                }
            }
            if (!inFence && next != null && next.lookingAt()) {
                if (heading != null) {
                    sections.add(new Section(heading, level, headingLine, body.substring(textStart, start).strip()));
                }
                heading = headingText(line.substring(next.end(1)));
                level = next.group(1).length();
                headingLine = firstLine + lineIndex;
                textStart = Math.min(end + 1, body.length());
                if (heading.endsWith(":") || heading.endsWith("：")) {
                    problems.error("heading-ends-with-colon", headingLine, 1, "the heading " + Quoted.of(heading)
                            + " ends with a colon, which the hub's checker refuses: remove it");
                }
            }
            start = end + 1;
        }
        if (heading != null) {
            sections.add(new Section(heading, level, headingLine, body.substring(textStart).strip()));
        }
        return sections;
    }

    private static boolean startsWithMark(String text, int start, int end) {
        int i = start;
        while (i < end && i - start < 3 && text.charAt(i) == ' ') {
            i++;
        }
        char first = i < end ? text.charAt(i) : ' ';
        return first == '#' || first == '`' || first == '~';
    }

    /** A heading's text: what follows its opening '#'s, without closing '#'s and blanks. */
    private static String headingText(String afterOpening) {
        String text = afterOpening.strip();
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '#') {
            end--;
        }
        return text.substring(0, end).strip();
    }

    /** The papers a text identifies, each once, in the order they appear. */
    public static List<PaperRef> papers(String text) {
        Set<PaperRef> papers = new LinkedHashSet<>();
        // Both arXiv forms need the word "arxiv", and a DOI needs "10.": most texts lack one.
        boolean mentionsArxiv = text.toLowerCase(Locale.ROOT).contains("arxiv");
        for (Pattern arxiv : mentionsArxiv ? List.of(ARXIV_NEW, ARXIV_OLD) : List.<Pattern>of()) {
            Matcher matcher = arxiv.matcher(text);
            while (matcher.find()) {
                papers.add(new PaperRef(PaperRef.Scheme.ARXIV, matcher.group(1).toLowerCase(Locale.ROOT)));
            }
        }
        boolean mentionsDoi = text.contains("10.");
        Matcher doi = DOI.matcher(text);
        while (mentionsDoi && doi.find()) {
            String id = doi.group(1);
            int end = id.length();
            while (end > 0 && DOI_TRAILING_PUNCTUATION.indexOf(id.charAt(end - 1)) >= 0) {
                end--;
            }
            papers.add(new PaperRef(PaperRef.Scheme.DOI, id.substring(0, end).toLowerCase(Locale.ROOT)));
        }
        return List.copyOf(papers);
    }
}
