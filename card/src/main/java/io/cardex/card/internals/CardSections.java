package io.cardex.card.internals;

import java.util.Arrays;
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
        // Cards open with their header: looking at each "---" found is quicker than splitting lines.
        for (int at = text.indexOf(DELIMITER); at >= 0; at = text.indexOf(DELIMITER, at + 1)) {
            if (isWholeLine(text, at)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the "---" at {@code at} is all its line holds, blanks aside. */
    private static boolean isWholeLine(String text, int at) {
        int before = at - 1;
        while (before >= 0 && text.charAt(before) != '\n' && text.charAt(before) != '\r') {
            if (!Character.isWhitespace(text.charAt(before--))) {
                return false;
            }
        }
        int after = at + DELIMITER.length();
        while (after < text.length() && text.charAt(after) != '\n' && text.charAt(after) != '\r') {
            if (!Character.isWhitespace(text.charAt(after++))) {
                return false;
            }
        }
        return true;
    }

    public static CardSections split(String text, FileProblems problems) {
        Lines lines = Lines.of(text);
        int opening = lines.indexOfDelimiter(0);
        if (opening < 0) {
            problems.error("no-front-matter", 1, 1,
                    "the card has no YAML header: put its fields between two lines of '---' at the top");
            return new CardSections(titleBefore(lines, lines.count(), problems), Optional.empty(), 0, lines.text(), 1);
        }
        String title = titleBefore(lines, opening, problems);
        int closing = lines.indexOfDelimiter(opening + 1);
        if (closing < 0) {
            problems.error("unterminated-front-matter", opening + 1, 1,
                    "the YAML header opened here is never closed: add a line of '---' after the last field");
            return new CardSections(title, Optional.empty(), 0, lines.join(opening + 1, lines.count()), opening + 2);
        }
        return new CardSections(title, Optional.of(lines.join(opening + 1, closing)), opening + 2,
                lines.join(closing + 1, lines.count()), closing + 2);
    }

    private static String titleBefore(Lines lines, int end, FileProblems problems) {
        String title = null;
        for (int i = 0; i < end; i++) {
            String line = lines.line(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (title == null && line.startsWith(TITLE_PREFIX)) {
                title = line.substring(TITLE_PREFIX.length()).strip();
            } else if (end < lines.count()) {
                problems.warning("text-before-header", i + 1, 1,
                        "text before the YAML header is ignored: move it into the body, after the second '---'");
                break;
            }
        }
        return title;
    }

    /**
     * The lines of a text as {@link String#lines()} sees them, found by offsets instead of copied
     * one by one: a card is split once per parse, and its body is mostly lines no one looks at.
     */
    private record Lines(String text, int[] starts, int count) {

        static Lines of(String text) {
            String normalised = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
            int[] starts = new int[Math.max(16, normalised.length() / 32)];
            int count = 0;
            int start = 0;
            while (start < normalised.length()) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = start;
                int end = normalised.indexOf('\n', start);
                start = end < 0 ? normalised.length() : end + 1;
            }
            return new Lines(normalised, starts, count);
        }

        /** The line, without its line break. */
        String line(int index) {
            return text.substring(starts[index], endOf(index));
        }

        /** Lines {@code from} (inclusive) to {@code to} (exclusive), joined by '\n'. */
        String join(int from, int to) {
            return from >= to ? "" : text.substring(starts[from], endOf(to - 1));
        }

        int indexOfDelimiter(int from) {
            for (int i = from; i < count; i++) {
                if (isDelimiter(i)) {
                    return i;
                }
            }
            return -1;
        }

        private boolean isDelimiter(int index) {
            int start = starts[index];
            int end = endOf(index);
            while (start < end && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            return end - start == DELIMITER.length() && text.startsWith(DELIMITER, start);
        }

        private int endOf(int index) {
            int next = index + 1 < count ? starts[index + 1] - 1 : text.length();
            return next > starts[index] && next <= text.length() && text.charAt(next - 1) == '\n' ? next - 1 : next;
        }
    }
}
