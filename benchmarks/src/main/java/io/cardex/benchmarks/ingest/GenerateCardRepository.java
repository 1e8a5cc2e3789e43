package io.cardex.benchmarks.ingest;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Writes a generated card repository with history from the command line, for benchmarks run by hand. */
@Command(name = "generate-card-repository", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Writes a git repository of generated model cards, then commits of changes to them.")
public final class GenerateCardRepository implements Callable<Integer> {

    @Option(names = "--cards", paramLabel = "N", defaultValue = "10000",
            description = "Cards of the first commit (default: ${DEFAULT-VALUE}).")
    int cards;

    @Option(names = "--commits", paramLabel = "N", defaultValue = "0",
            description = "Commits of history after it (default: ${DEFAULT-VALUE}).")
    int commits;

    @Option(names = "--changes-per-commit", paramLabel = "N", defaultValue = "20",
            description = "Adds, edits, renames and deletes of cards in each (default: ${DEFAULT-VALUE}).")
    int changesPerCommit;

    @Option(names = "--flatten-at", paramLabel = "COMMIT", defaultValue = "0",
            description = "Hub-shaped history: every card of the first commit and of the commits before COMMIT is filed "
                    + "<user>/<backend>/<version>/<name>.md, and commit COMMIT moves them all to <user>/<version>/<name>.md, "
                    + "as the hub did; 0 (default) files a hub-like 5% of the cards in the backend layout throughout.")
    int flattenAt;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "The same seed writes the same cards and changes (default: ${DEFAULT-VALUE}).")
    long seed;

    @Parameters(paramLabel = "DIR", description = "Where to write it; must not exist or be empty.")
    Path directory;

    public static void main(String[] args) {
        System.exit(new CommandLine(new GenerateCardRepository()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (cards < 1) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--cards must be 1 or more, not " + cards);
        }
        HistorySpec spec;
        try {
            spec = new HistorySpec(commits, changesPerCommit, flattenAt);
        } catch (IllegalArgumentException invalid) {
            throw new CommandLine.ParameterException(new CommandLine(this), invalid.getMessage());
        }
        GeneratedRepository snapshot = new CardRepositoryGenerator(seed, System.out,
                flattenAt > 0 ? 1 : CardLayout.HUB_BACKEND_SHARE).write(directory, cards);
        GeneratedHistory history = new CardHistoryGenerator(seed, System.out).append(directory, spec);
        System.out.printf("%,d cards in the first commit, then %,d commits: %,d adds, %,d edits, %,d renames, "
                        + "%,d deletes, %,d moves out of the backend layout; %,d cards at head %s%n", snapshot.cards(),
                history.commits(), history.adds(), history.edits(), history.renames(), history.deletes(), history.moves(),
                history.cards().size(), history.head());
        return 0;
    }
}
