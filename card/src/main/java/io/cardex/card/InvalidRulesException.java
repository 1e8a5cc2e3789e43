package io.cardex.card;

/**
 * A rules file cardex cannot use: unreadable, not YAML, or not in the format of
 * {@code hub-rules.yaml}. The message is one line naming the file and the line, and saying what to do.
 */
public class InvalidRulesException extends Exception {

    private final String file;
    private final int line;

    public InvalidRulesException(String file, int line, String problem) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public InvalidRulesException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.line = 0;
    }

    /** The rules file, as it was named. */
    public String file() {
        return file;
    }

    /** The 1-based line that is wrong; 0 when the problem is the whole file. */
    public int line() {
        return line;
    }
}
