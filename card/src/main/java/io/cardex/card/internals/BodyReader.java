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

    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern CITATION_HEADING =
            Pattern.compile("(?i)^(citations?|references?|how to cite|引用|参考文献|引用说明)\\b.*|^(引用|参考).*");
    private static final Pattern ARXIV_NEW = Pattern.compile(
            "(?i)(?:arxiv\\s*:?\\s*|arxiv\\.org/(?:abs|pdf)/)(\\d{4}\\.\\d{4,5})(?:v\\d+)?");
    private static final Pattern ARXIV_OLD = Pattern.compile(
            "(?i)(?:arxiv\\s*:?\\s*|arxiv\\.org/(?:abs|pdf)/)([a-z][a-z.\\-]*/\\d{7})(?:v\\d+)?");
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
        List<String> lines = body.lines().toList();
        List<Section> sections = new ArrayList<>();
        boolean inFence = false;
        int headingIndex = -1;
        Matcher heading = null;
        for (int i = 0; i <= lines.size(); i++) {
            boolean end = i == lines.size();
            Matcher next = end ? null : HEADING.matcher(lines.get(i));
            if (!end && FENCE.matcher(lines.get(i)).find()) {
                inFence = !inFence;
            }
            if (end || (!inFence && next.matches())) {
                if (heading != null) {
                    String text = String.join("\n", lines.subList(headingIndex + 1, i)).strip();
                    sections.add(new Section(heading.group(2), heading.group(1).length(), firstLine + headingIndex, text));
                }
                if (!end) {
                    heading = next;
                    headingIndex = i;
                    if (next.group(2).endsWith(":") || next.group(2).endsWith("：")) {
                        problems.error("heading-ends-with-colon", firstLine + i, 1, "the heading '" + next.group(2)
                                + "' ends with a colon, which the hub's checker refuses: remove it");
                    }
                }
            }
        }
        return sections;
    }

    /** The papers a text identifies, each once, in the order they appear. */
    public static List<PaperRef> papers(String text) {
        Set<PaperRef> papers = new LinkedHashSet<>();
        for (Pattern arxiv : List.of(ARXIV_NEW, ARXIV_OLD)) {
            Matcher matcher = arxiv.matcher(text);
            while (matcher.find()) {
                papers.add(new PaperRef(PaperRef.Scheme.ARXIV, matcher.group(1).toLowerCase(Locale.ROOT)));
            }
        }
        Matcher doi = DOI.matcher(text);
        while (doi.find()) {
            String id = doi.group(1);
            while (!id.isEmpty() && DOI_TRAILING_PUNCTUATION.indexOf(id.charAt(id.length() - 1)) >= 0) {
                id = id.substring(0, id.length() - 1);
            }
            papers.add(new PaperRef(PaperRef.Scheme.DOI, id.toLowerCase(Locale.ROOT)));
        }
        return List.copyOf(papers);
    }
}
