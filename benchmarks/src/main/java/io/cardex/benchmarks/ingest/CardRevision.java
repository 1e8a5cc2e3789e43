package io.cardex.benchmarks.ingest;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a generated history revises a card: a note in brackets at the end of its {@code summary:}
 * line, which every valid card has, or a closing line when a flaw removed the summary. The rest
 * of the card is left as it was, so it parses with the problems it had.
 */
public final class CardRevision {

    private static final Pattern SUMMARY = Pattern.compile("(?m)^summary: (.*)$");

    private CardRevision() {
    }

    /**
     * @param note what the revision says, such as {@code revised in commit 7}: the summary gets
     *             {@code " (revised in commit 7)"}, a card without one the line {@code "Revised in commit 7."}
     */
    public static String revise(String cardText, String note) {
        Matcher summary = SUMMARY.matcher(cardText);
        if (summary.find()) {
            return cardText.substring(0, summary.end()) + " (" + note + ")" + cardText.substring(summary.end());
        }
        return cardText + "\n" + note.substring(0, 1).toUpperCase(Locale.ROOT) + note.substring(1) + ".\n";
    }
}
