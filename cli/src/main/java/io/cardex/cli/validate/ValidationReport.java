package io.cardex.cli.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.cardex.card.CardexJson;
import io.cardex.card.Problem;
import io.cardex.card.SkippedFile;
import java.io.PrintWriter;

/** Prints a {@link Validation} for people, like a compiler, or as JSON for programs. */
public final class ValidationReport {

    private ValidationReport() {
    }

    /**
     * One line per problem, {@code path:line:col: error[code]: message} (the position left out
     * where a problem concerns the whole file), one note per file skipped,
     * {@code path: note[skipped:reason]: why}, then a summary line.
     */
    public static void printText(Validation validation, PrintWriter out) {
        for (Validation.CheckedCard card : validation.cards()) {
            for (Problem problem : card.problems()) {
                out.println(position(problem) + " " + problem.severity().name().toLowerCase(java.util.Locale.ROOT)
                        + "[" + problem.code() + "]: " + problem.message());
            }
        }
        for (SkippedFile file : validation.skipped()) {
            out.println(file.path() + ": note[skipped:" + file.reason().code() + "]: not a card, "
                    + file.reason().explanation());
        }
        Validation.Summary summary = validation.summary();
        out.printf("checked %d %s (%d %s): %d %s, %d %s; %s%s%n",
                summary.cards(), plural(summary.cards(), "card"), summary.files(), plural(summary.files(), "file"),
                summary.errors(), plural(summary.errors(), "error"), summary.warnings(), plural(summary.warnings(), "warning"),
                summary.invalidCards() == 0 ? "every card is valid"
                        : summary.invalidCards() + " invalid " + plural(summary.invalidCards(), "card"),
                summary.skippedFiles() == 0 ? ""
                        : "; " + summary.skippedFiles() + " " + plural(summary.skippedFiles(), "file") + " skipped");
        out.flush();
    }

    public static void printJson(Validation validation, PrintWriter out) {
        try {
            out.println(CardexJson.newMapper().writerWithDefaultPrettyPrinter().writeValueAsString(validation));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a validation report is always writable as JSON", e);
        }
        out.flush();
    }

    private static String position(Problem problem) {
        if (problem.line() <= 0) {
            return problem.file() + ":";
        }
        return problem.file() + ":" + problem.line() + ":" + Math.max(problem.column(), 1) + ":";
    }

    private static String plural(long count, String word) {
        return count == 1 ? word : word + "s";
    }
}
