package io.cardex.card.internals;

import io.cardex.card.Problem;
import io.cardex.card.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one card file, each placed in that file. It lists the first
 * {@value #MAX_LISTED} of them, then one {@code too-many-problems} saying how many more were found:
 * a file of 60,000 duplicate keys is one mistake, and a report of 60,000 lines buries it.
 */
public final class FileProblems {

    /** More than an author fixes in one round, far fewer than a broken file can produce. */
    public static final int MAX_LISTED = 100;

    private final String file;
    private final List<Problem> listed = new ArrayList<>();
    private int unlisted;
    private boolean unlistedError;

    public FileProblems(String file) {
        this.file = file;
    }

    public void error(String code, int line, int column, String message) {
        add(new Problem(file, code, Severity.ERROR, line, column, message));
    }

    public void warning(String code, int line, int column, String message) {
        add(new Problem(file, code, Severity.WARNING, line, column, message));
    }

    private void add(Problem problem) {
        if (listed.size() < MAX_LISTED) {
            listed.add(problem);
        } else {
            unlisted++;
            unlistedError |= problem.isError();
        }
    }

    /**
     * The problems in the order they were found; past {@value #MAX_LISTED}, one that counts the
     * others, an error if any of them is one, so that the card is valid exactly when it was.
     */
    public List<Problem> toList() {
        if (unlisted == 0) {
            return List.copyOf(listed);
        }
        List<Problem> all = new ArrayList<>(listed);
        all.add(new Problem(file, "too-many-problems", unlistedError ? Severity.ERROR : Severity.WARNING, 0, 0,
                (unlisted == 1 ? "1 more problem was" : unlisted + " more problems were")
                        + " found in this file and not listed: fix the ones above and check the card again"));
        return List.copyOf(all);
    }
}
