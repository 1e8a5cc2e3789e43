package io.cardex.benchmarks.pipeline;

import static io.cardex.benchmarks.Terminal.say;

import io.cardex.benchmarks.ingest.CardHistoryGenerator;
import io.cardex.benchmarks.ingest.CardRepositoryGenerator;
import io.cardex.benchmarks.ingest.GeneratedHistory;
import io.cardex.benchmarks.ingest.GeneratedRepository;
import io.cardex.benchmarks.ingest.GitHubPushes;
import io.cardex.benchmarks.ingest.HistorySpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * The card repositories of a run of the report, written once, untimed, for its measurements and its
 * profile alike: a warm-up of 2,500 cards, the 10,000 cards measured, and at hub scale 100,000
 * cards (or as many as asked, for a quicker look) with history (200 commits of 20 changes, as
 * {@code ./cardex bench generate} writes them).
 * The repository measured has its {@code origin} at GitHub, so that its push webhooks are accepted.
 */
record Repositories(GeneratedRepository warmUp, GeneratedRepository cards, Optional<GeneratedRepository> hubScale) {

    static final int WARM_UP_CARDS = 2_500;
    static final int CARDS = 10_000;
    static final int HUB_SCALE_CARDS = 100_000;
    static final HistorySpec HUB_SCALE_HISTORY = new HistorySpec(200, 20);

    /** @param hubScaleCards the cards of the hub-scale repository before its history; 0 for none */
    static Repositories write(Path scratch, long seed, int hubScaleCards) throws IOException, GitAPIException {
        say("writing card repositories of %,d and %,d cards%s (seed %d)...", WARM_UP_CARDS, CARDS,
                hubScaleCards > 0 ? String.format(Locale.ROOT, ", and of %,d cards with %d commits of %d changes", hubScaleCards,
                        HUB_SCALE_HISTORY.commits(), HUB_SCALE_HISTORY.changesPerCommit()) : "", seed);
        CardRepositoryGenerator generator = new CardRepositoryGenerator(seed, System.out);
        GeneratedRepository warmUp = generator.write(scratch.resolve("cards-warm-up"), WARM_UP_CARDS);
        GeneratedRepository cards = generator.write(scratch.resolve("cards"), CARDS);
        GitHubPushes.pointOriginAtGitHub(cards.directory());
        Optional<GeneratedRepository> large = Optional.empty();
        if (hubScaleCards > 0) {
            Path directory = scratch.resolve("cards-hub-scale");
            generator.write(directory, hubScaleCards);
            GeneratedHistory history = new CardHistoryGenerator(seed, System.out).append(directory, HUB_SCALE_HISTORY);
            GitHubPushes.pointOriginAtGitHub(directory);
            large = Optional.of(new GeneratedRepository(directory, history.cards().size(), cardFiles(directory),
                    history.head(), history.cards().iterator().next()));
        }
        return new Repositories(warmUp, cards, large);
    }

    /** The card files at head: what the history left, counted on disk since the history generator counts cards. */
    private static int cardFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return (int) files.filter(file -> !file.startsWith(directory.resolve(".git")))
                    .filter(file -> file.getFileName().toString().endsWith(".md")).count();
        }
    }
}
