package io.cardex.card.internals;

import java.util.Arrays;
import java.util.stream.IntStream;
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
        int[] codePoints = yaml.codePoints().toArray();
        IntStream.Builder starts = IntStream.builder().add(0);
        for (int i = 0; i < codePoints.length; i++) {
            if (codePoints[i] == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.build().toArray();
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
