package io.cardex.card.internals;

import java.util.List;
import java.util.Optional;

/**
 * The three parts of a card file. Only the first two {@code ---} lines delimit the header: a
 * later {@code ---} (a Markdown rule or table) belongs to the body.
 *
 * @param headerFirstLine 1-based line in the file of the header's first line
 * @param bodyFirstLine   1-based line in the file of the body's first line
 */
public record CardSections(String title, Optional<String> header, int headerFirstLine, String body, int bodyFirstLine) {

    private static final String DELIMITER = "---";
    private static final String TITLE_PREFIX = "# ";

    /** Whether the text has a header at all; a text without one may be a paper page. */
    public static boolean hasDelimiter(String text) {
        return text.lines().anyMatch(line -> line.strip().equals(DELIMITER));
    }

    public static CardSections split(String text, FileProblems problems) {
        List<String> lines = text.lines().toList();
        int opening = indexOfDelimiter(lines, 0);
        if (opening < 0) {
            problems.error("no-front-matter", 1, 1,
                    "the card has no YAML header: put its fields between two lines of '---' at the top");
            return new CardSections(titleBefore(lines, lines.size(), problems), Optional.empty(), 0, text, 1);
        }
        String title = titleBefore(lines, opening, problems);
        int closing = indexOfDelimiter(lines, opening + 1);
        if (closing < 0) {
            problems.error("unterminated-front-matter", opening + 1, 1,
                    "the YAML header opened here is never closed: add a line of '---' after the last field");
            return new CardSections(title, Optional.empty(), 0, join(lines, opening + 1, lines.size()), opening + 2);
        }
        return new CardSections(title, Optional.of(join(lines, opening + 1, closing)), opening + 2,
                join(lines, closing + 1, lines.size()), closing + 2);
    }

    private static int indexOfDelimiter(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(DELIMITER)) {
                return i;
            }
        }
        return -1;
    }

    private static String titleBefore(List<String> lines, int end, FileProblems problems) {
        String title = null;
        for (int i = 0; i < end; i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (title == null && line.startsWith(TITLE_PREFIX)) {
                title = line.substring(TITLE_PREFIX.length()).strip();
            } else if (end < lines.size()) {
                problems.warning("text-before-header", i + 1, 1,
                        "text before the YAML header is ignored: move it into the body, after the second '---'");
                break;
            }
        }
        return title;
    }

    private static String join(List<String> lines, int from, int to) {
        return String.join("\n", lines.subList(from, to));
    }
}
