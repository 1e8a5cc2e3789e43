package io.cardex.card.internals;

import io.cardex.card.Problem;
import io.cardex.card.Severity;
import java.util.List;

/** Collects the problems of one card file, each placed in that file. */
public final class FileProblems {

    private final String file;
    private final List<Problem> problems;

    public FileProblems(String file, List<Problem> problems) {
        this.file = file;
        this.problems = problems;
    }

    public void error(String code, int line, int column, String message) {
        problems.add(new Problem(file, code, Severity.ERROR, line, column, message));
    }

    public void warning(String code, int line, int column, String message) {
        problems.add(new Problem(file, code, Severity.WARNING, line, column, message));
    }
}
