package io.cardex.cli.validate;

import io.cardex.card.Card;
import io.cardex.card.CardKind;
import io.cardex.card.CardParser;
import io.cardex.card.CardRules;
import io.cardex.card.Problem;
import io.cardex.card.Severity;
import io.cardex.card.SkippedFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code cardex validate} found: every card checked, with its problems, every file of the
 * directories that is no card, with its reason, and the totals.
 */
public record Validation(List<CheckedCard> cards, List<SkippedFile> skipped, Summary summary) {

    /** One card and what is wrong with it. */
    public record CheckedCard(String cardId, List<String> files, CardKind kind, boolean valid, List<Problem> problems) {
    }

    /** The totals a user reads first. */
    public record Summary(int cards, int files, int invalidCards, long errors, long warnings, int skippedFiles) {
    }

    public static Validation of(CardFiles.Found found, CardRules rules) throws IOException {
        CardParser parser = new CardParser(rules);
        List<CheckedCard> checked = new ArrayList<>();
        int files = 0;
        for (CardFiles.LocalCard local : found.cards()) {
            Card card = parser.parse(local.id(), read(local.english(), rules), read(local.chinese(), rules));
            List<String> paths = new ArrayList<>();
            local.english().ifPresent(path -> paths.add(path.toString()));
            local.chinese().ifPresent(path -> paths.add(path.toString()));
            files += paths.size();
            checked.add(new CheckedCard(local.id().value(), paths, card.kind(), card.isValid(), card.problems()));
        }
        List<Problem> problems = checked.stream().flatMap(card -> card.problems().stream()).toList();
        return new Validation(checked, found.skipped(), new Summary(checked.size(), files,
                (int) checked.stream().filter(card -> !card.valid()).count(),
                problems.stream().filter(problem -> problem.severity() == Severity.ERROR).count(),
                problems.stream().filter(problem -> problem.severity() == Severity.WARNING).count(),
                found.skipped().size()));
    }

    private static Optional<io.cardex.card.CardFile> read(Optional<Path> file, CardRules rules) throws IOException {
        return file.isEmpty() ? Optional.empty() : Optional.of(CardFiles.read(file.get(), rules.maxFileBytes()));
    }

    public boolean hasErrors() {
        return summary.errors() > 0;
    }
}
