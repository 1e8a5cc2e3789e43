package io.cardex.card.internals;

import java.util.Arrays;
import org.yaml.snakeyaml.error.Mark;

/**
 * Where a place in a card's YAML header stands in the card file. SnakeYAML counts lines itself,
 * and also ends one at U+0085, U+2028 and U+2029, which editors and the rest of cardex do not; so
 * a place is found from its code point index in the header, with only '\n' ending a line.
 */
final class HeaderPlaces {

    private final int firstLine;
    /** The code point index at which each line of the header starts. */
    private final int[] lineStarts;

    /**
     * @param firstLine 1-based line in the card file of the header's first line
     */
    HeaderPlaces(String yaml, int firstLine) {
        this.firstLine = firstLine;
        int[] starts = new int[Math.max(8, yaml.length() / 16)];
        int lines = 1;
        int codePoint = 0;
        for (int i = 0; i < yaml.length(); i++) {
            char c = yaml.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < yaml.length() && Character.isLowSurrogate(yaml.charAt(i + 1))) {
                i++;
            }
            codePoint++;
            if (c == '\n') {
                if (lines == starts.length) {
                    starts = Arrays.copyOf(starts, lines * 2);
                }
                starts[lines++] = codePoint;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, lines);
    }

    Header.Position of(Mark mark) {
        return of(mark.getIndex());
    }

    /** The line and column in the file of the header's code point at {@code index}. */
    Header.Position of(int index) {
        int found = Arrays.binarySearch(lineStarts, index);
        int line = found >= 0 ? found : -found - 2;
        return new Header.Position(firstLine + line, index - lineStarts[line] + 1);
    }
}
