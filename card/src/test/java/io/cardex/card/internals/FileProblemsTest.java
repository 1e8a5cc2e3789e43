package io.cardex.card.internals;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardex.card.Problem;
import io.cardex.card.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileProblemsTest {

    private final FileProblems problems = new FileProblems("a/b/c.md");

    @Test
    void listsEveryProblemUpToTheLimit() {
        report(FileProblems.MAX_LISTED, Severity.ERROR);

        assertThat(problems.toList()).hasSize(FileProblems.MAX_LISTED)
                .extracting(Problem::code).containsOnly("duplicate-key");
    }

    @Test
    void countsTheProblemsPastTheLimitInOneLastProblem() {
        report(FileProblems.MAX_LISTED + 59_900, Severity.ERROR);

        List<Problem> listed = problems.toList();

        assertThat(listed).hasSize(FileProblems.MAX_LISTED + 1);
        assertThat(listed.get(FileProblems.MAX_LISTED)).isEqualTo(new Problem("a/b/c.md", "too-many-problems",
                Severity.ERROR, 0, 0, "59900 more problems were found in this file and not listed: "
                        + "fix the ones above and check the card again"));
    }

    @Test
    void saysOneMoreProblemInTheSingular() {
        report(FileProblems.MAX_LISTED + 1, Severity.ERROR);

        assertThat(problems.toList()).last().extracting(Problem::message).asString()
                .startsWith("1 more problem was found in this file");
    }

    @Test
    void warnsOfUnlistedProblemsWhenNoneOfThemIsAnError() {
        report(FileProblems.MAX_LISTED - 1, Severity.ERROR);
        report(5, Severity.WARNING);

        assertThat(problems.toList()).last().extracting(Problem::code, Problem::severity)
                .containsExactly("too-many-problems", Severity.WARNING);
    }

    @Test
    void keepsTheFileInvalidWhenAnUnlistedProblemIsAnError() {
        report(FileProblems.MAX_LISTED + 5, Severity.WARNING);
        report(1, Severity.ERROR);

        assertThat(problems.toList()).last().extracting(Problem::code, Problem::severity)
                .containsExactly("too-many-problems", Severity.ERROR);
    }

    private void report(int count, Severity severity) {
        for (int i = 0; i < count; i++) {
            if (severity == Severity.ERROR) {
                problems.error("duplicate-key", 2 + i, 1, "'k' is set twice (first on line 1): keep one");
            } else {
                problems.warning("unknown-dataset", 2 + i, 1, "the dataset 'x' is not in the hub's list");
            }
        }
    }
}
