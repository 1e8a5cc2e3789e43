package io.cardex.cli.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.cardex.card.CardexJson;
import io.cardex.card.Problem;
import java.io.PrintWriter;

/** Prints a {@link Validation} for people, like a compiler, or as JSON for programs. */
public final class ValidationReport {

    private ValidationReport() {
    }

    /**
     * One line per problem, {@code path:line:col: error[code]: message} (the position left out
     * where a problem concerns the whole file), then a summary line.
     */
    public static void printText(Validation validation, PrintWriter out) {
        for (Validation.CheckedCard card : validation.cards()) {
            for (Problem problem : card.problems()) {
                out.println(position(problem) + " " + problem.severity().name().toLowerCase(java.util.Locale.ROOT)
                        + "[" + problem.code() + "]: " + problem.message());
            }
        }
        Validation.Summary summary = validation.summary();
        out.printf("checked %d %s (%d %s): %d %s, %d %s; %s%n",
                summary.cards(), plural(summary.cards(), "card"), summary.files(), plural(summary.files(), "file"),
                summary.errors(), plural(summary.errors(), "error"), summary.warnings(), plural(summary.warnings(), "warning"),
                summary.invalidCards() == 0 ? "every card is valid"
                        : summary.invalidCards() + " invalid " + plural(summary.invalidCards(), "card"));
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
