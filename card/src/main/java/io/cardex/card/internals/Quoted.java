package io.cardex.card.internals;

/**
 * A value from a card as a problem message quotes it: in single quotes, on one line, and short.
 * A card value can hold line breaks and be megabytes long; a message is one line of a report.
 */
public final class Quoted {

    /** How many characters of the value a message shows; long enough to recognise any real value. */
    static final int MAX_SHOWN = 80;
    private static final String ELLIPSIS = "…";

    private Quoted() {
    }

    /**
     * The value in single quotes, its line breaks, control and invisible characters escaped
     * as Java escapes them ({@code \n}, {@code \t}, others by their code in hex), cut after
     * {@value #MAX_SHOWN} characters with an ellipsis.
     */
    public static String of(String value) {
        return "'" + excerpt(value, MAX_SHOWN) + "'";
    }

    /**
     * Text that quotes a card, such as SnakeYAML's description of a syntax error, escaped as
     * {@link #of} escapes a value and cut after {@code max} characters.
     */
    public static String excerpt(String text, int max) {
        StringBuilder shown = new StringBuilder();
        int characters = 0;
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            String escaped = escape(text.codePointAt(i));
            // An escape is never cut in the middle: it stands for one character.
            characters += escaped.codePointCount(0, escaped.length());
            if (characters > max) {
                return shown.append(ELLIPSIS).toString();
            }
            shown.append(escaped);
        }
        return shown.toString();
    }

    private static String escape(int c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> isHidden(c) ? String.format("\\u%04X", c) : Character.toString(c);
        };
    }

    /**
     * Whether a character would break the message's line, act on the terminal, reorder the text
     * around it (bidirectional controls), or not show at all, so that it must be shown escaped.
     * A lone surrogate (half of a broken emoji) cannot even be written as UTF-8.
     */
    private static boolean isHidden(int c) {
        return Character.isISOControl(c)
                || c == 0x2028 || c == 0x2029
                || Character.getType(c) == Character.SURROGATE
                || c == 0x061C || c == 0x200B || c == 0x200E || c == 0x200F || c == 0xFEFF
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
