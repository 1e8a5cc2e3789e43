package io.cardex.benchmarks.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardex.benchmarks.ingest.CardRepositoryGenerator;
import io.cardex.benchmarks.ingest.GeneratedRepository;
import io.cardex.card.Card;
import io.cardex.card.CardFile;
import io.cardex.card.CardKey;
import io.cardex.card.CardParser;
import io.cardex.card.CardRules;
import io.cardex.card.Language;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionCommitsTest {

    private static final int CARDS = 100;
    private static final int COMMITS = 20;
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path directory;

    @Test
    void eachTokenIsOneWordOfItsOwn() {
        List<String> tokens = IntStream.rangeClosed(1, 1_000).mapToObj(RevisionCommits::token).toList();

        assertThat(tokens).doesNotHaveDuplicates().allMatch(token -> token.matches("[a-z]+[0-9]+"));
        assertThat(RevisionCommits.token(42)).isEqualTo("fresh00042");
    }

    @Test
    void eachCommitRevisesOneToFiveCardsAndNothingElse() throws Exception {
        List<PushedCommit> commits = commit(directory, 7);

        try (Git git = Git.open(directory.toFile())) {
            for (PushedCommit commit : commits) {
                assertThat(commit.cardKeys()).hasSizeBetween(1, RevisionCommits.MAX_CARDS_PER_COMMIT)
                        .doesNotHaveDuplicates();
                assertThat(changedPaths(git, commit.id())).containsExactlyInAnyOrderElementsOf(
                        commit.cardKeys().stream().map(key -> CardKey.parse(key).cardId().path(Language.EN)).toList());
            }
            assertThat(commits.stream().map(commit -> commit.cardKeys().size()).distinct()).hasSizeGreaterThan(2);
            assertThat(git.status().call().isClean()).isTrue();
        }
    }

    @Test
    void everyRevisedCardHoldsItsCommitsTokenInTheSummaryTheParserReads() throws Exception {
        List<PushedCommit> commits = commit(directory, 7);
        CardParser parser = new CardParser(CardRules.DEFAULT);

        for (PushedCommit commit : commits) {
            for (String key : commit.cardKeys()) {
                CardKey card = CardKey.parse(key);
                assertThat(card.repository()).isEqualTo(GeneratedRepository.NAME);
                String path = card.cardId().path(Language.EN);
                String text = Files.readString(directory.resolve(path), StandardCharsets.UTF_8);
                Card parsed = parser.parse(card.cardId(), Optional.of(CardFile.of(path, text)), Optional.empty());
                assertThat(parsed.header().summary()).as(key).contains("(revised in push " + commit.token() + ")");
            }
        }
    }

    @Test
    void theSameSeedRevisesTheSameCards(@TempDir Path again) throws Exception {
        assertThat(keys(commit(again, 7))).isEqualTo(keys(commit(directory, 7)));
    }

    private static List<PushedCommit> commit(Path target, long seed) throws Exception {
        new CardRepositoryGenerator(seed, QUIET).write(target, CARDS);
        List<PushedCommit> commits = new ArrayList<>();
        try (RevisionCommits revisions = new RevisionCommits(target, seed)) {
            for (int number = 1; number <= COMMITS; number++) {
                commits.add(revisions.commit(number));
            }
        }
        return commits;
    }

    private static List<List<String>> keys(List<PushedCommit> commits) {
        return commits.stream().map(PushedCommit::cardKeys).toList();
    }

    private static List<String> changedPaths(Git git, String commitId) throws Exception {
        try (RevWalk walk = new RevWalk(git.getRepository());
             DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setRepository(git.getRepository());
            RevCommit commit = walk.parseCommit(git.getRepository().resolve(commitId));
            return diff.scan(walk.parseCommit(commit.getParent(0)).getTree(), commit.getTree()).stream()
                    .map(DiffEntry::getNewPath).toList();
        }
    }
}
