package io.cardex.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardex.card.CardFile;
import io.cardex.card.CardId;
import io.cardex.card.CardParser;
import io.cardex.card.CardRules;
import io.cardex.card.Language;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffEntry.ChangeType;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.io.DisabledOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardHistoryGeneratorTest {

    private static final int CARDS = 50;
    private static final HistorySpec SPEC = new HistorySpec(10, 5);
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path directory;

    @Test
    void appendsTheAskedCommitsWhoseChangesAddUpToTheCardsAtHead() throws Exception {
        GeneratedHistory history = generate(directory, 7);

        assertThat(history.commits()).isEqualTo(SPEC.commits());
        assertThat(history.changes()).isEqualTo(SPEC.commits() * SPEC.changesPerCommit());
        assertThat(history.edits()).isPositive();
        assertThat(history.adds()).isPositive();
        assertThat(history.renames()).isPositive();
        assertThat(history.deletes()).isPositive();
        assertThat(history.cards()).hasSize(CARDS + history.adds() - history.deletes());
        try (Git git = Git.open(directory.toFile())) {
            Repository repository = git.getRepository();
            assertThat(git.log().call()).hasSize(1 + SPEC.commits());
            assertThat(repository.resolve("HEAD").name()).isEqualTo(history.head());
            assertThat(git.status().call().isClean()).isTrue();
            assertThat(cardsAt(repository, history.head())).isEqualTo(history.cards());
        }
    }

    @Test
    void aHubShapedHistoryAddsInTheBackendLayoutThenMovesEveryCardOutOfIt() throws Exception {
        new CardRepositoryGenerator(7, QUIET, 1).write(directory, CARDS);
        GeneratedHistory history = new CardHistoryGenerator(7, QUIET).append(directory, new HistorySpec(6, 4, 4));

        try (Git git = Git.open(directory.toFile())) {
            Repository repository = git.getRepository();
            List<RevCommit> commits = new ArrayList<>();
            git.log().call().forEach(commits::add);
            RevCommit beforeFlatten = commits.get(3);
            RevCommit flatten = commits.get(2);
            assertThat(flatten.getShortMessage()).endsWith(history.moves() + " moves");
            Set<CardId> before = cardsAt(repository, beforeFlatten.name());
            assertThat(before).hasSizeGreaterThan(CARDS / 2).allMatch(card -> card.backend().isPresent());
            assertThat(history.moves()).isGreaterThanOrEqualTo(before.size() - 4);
            assertThat(cardsAt(repository, flatten.name())).filteredOn(card -> card.backend().isPresent())
                    .as("only cards this commit's own changes added after the move").hasSizeLessThanOrEqualTo(4);
            assertThat(cardsAt(repository, history.head())).isEqualTo(history.cards());
        }
        assertThat(history.cards()).anyMatch(card -> card.backend().isEmpty());
    }

    @Test
    void theRepositoryEndsInOnePackAsAClone() throws Exception {
        generate(directory, 7);

        try (Git git = Git.open(directory.toFile())) {
            assertThat(git.gc().getStatistics()).containsEntry("numberOfPackFiles", 1L)
                    .containsEntry("numberOfLooseObjects", 0L);
        }
    }

    @Test
    void theSameSeedMakesTheSameTreeAndAnotherSeedAnother(@TempDir Path again, @TempDir Path other) throws Exception {
        generate(directory, 7);
        generate(again, 7);
        new CardRepositoryGenerator(7, QUIET).write(other, CARDS);
        new CardHistoryGenerator(8, QUIET).append(other, SPEC);

        assertThat(headTree(again)).isEqualTo(headTree(directory));
        assertThat(headTree(other)).isNotEqualTo(headTree(directory));
    }

    @Test
    void gitSeesEachChangeAsItsKindAndRenamesMoveTheSameTextToANewName() throws Exception {
        GeneratedHistory history = generate(directory, 7);

        List<DiffEntry> changes = englishChangesOfHistory(directory, true);
        assertThat(changes).filteredOn(change -> change.getChangeType() == ChangeType.ADD).hasSize(history.adds());
        assertThat(changes).filteredOn(change -> change.getChangeType() == ChangeType.MODIFY).hasSize(history.edits());
        assertThat(changes).filteredOn(change -> change.getChangeType() == ChangeType.DELETE).hasSize(history.deletes());
        List<DiffEntry> renames = changes.stream().filter(change -> change.getChangeType() == ChangeType.RENAME).toList();
        assertThat(renames).hasSize(history.renames()).allSatisfy(rename -> {
            assertThat(rename.getScore()).isEqualTo(100);
            String from = rename.getOldPath().replaceFirst("(_r\\d+)?\\.md$", "");
            assertThat(rename.getNewPath()).matches(Pattern.quote(from) + "_r\\d+\\.md");
        });
    }

    @Test
    void withoutRenameDetectionARenameIsTheDeleteOfTheOldPathAndTheAddOfTheNew() throws Exception {
        GeneratedHistory history = generate(directory, 7);

        List<DiffEntry> changes = englishChangesOfHistory(directory, false);
        assertThat(changes).noneMatch(change -> change.getChangeType() == ChangeType.RENAME);
        assertThat(changes).filteredOn(change -> change.getChangeType() == ChangeType.ADD)
                .hasSize(history.adds() + history.renames());
        assertThat(changes).filteredOn(change -> change.getChangeType() == ChangeType.DELETE)
                .hasSize(history.deletes() + history.renames());
    }

    @Test
    void editedAndRenamedCardsParseWithTheProblemsTheyHadBefore() throws Exception {
        generate(directory, 7);
        CardParser parser = new CardParser(CardRules.DEFAULT);

        List<DiffEntry> changes = englishChangesOfHistory(directory, true).stream()
                .filter(change -> change.getChangeType() == ChangeType.MODIFY
                        || change.getChangeType() == ChangeType.RENAME)
                .toList();
        try (Git git = Git.open(directory.toFile())) {
            Repository repository = git.getRepository();
            assertThat(changes).isNotEmpty().allSatisfy(change -> {
                List<String> before = problems(parser, change.getOldPath(), read(repository, change.getOldId().toObjectId()));
                List<String> after = problems(parser, change.getNewPath(), read(repository, change.getNewId().toObjectId()));
                assertThat(after).as(change.getNewPath()).isEqualTo(before);
            });
        }
    }

    private GeneratedHistory generate(Path target, long seed) throws Exception {
        new CardRepositoryGenerator(seed, QUIET).write(target, CARDS);
        return new CardHistoryGenerator(seed, QUIET).append(target, SPEC);
    }

    /** The changes to English card files, commit by commit, oldest first. */
    private static List<DiffEntry> englishChangesOfHistory(Path repositoryDirectory, boolean detectRenames)
            throws Exception {
        List<DiffEntry> changes = new ArrayList<>();
        try (Git git = Git.open(repositoryDirectory.toFile());
             DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            diff.setRepository(git.getRepository());
            diff.setDetectRenames(detectRenames);
            for (RevCommit commit : git.log().call()) {
                if (commit.getParentCount() == 1) {
                    diff.scan(commit.getParent(0).getTree(), commit.getTree()).stream()
                            .filter(change -> !change.getOldPath().endsWith("_cn.md") && !change.getNewPath().endsWith("_cn.md"))
                            .forEach(changes::add);
                }
            }
        }
        return changes;
    }

    private static List<String> problems(CardParser parser, String path, byte[] content) {
        CardId id = CardId.fromPath(path).orElseThrow();
        return parser.parse(id, Optional.of(CardFile.of(path, new String(content, StandardCharsets.UTF_8))), Optional.empty())
                .problems().stream().map(problem -> problem.severity() + " " + problem.code()).toList();
    }

    private static byte[] read(Repository repository, ObjectId blob) {
        try {
            return repository.open(blob).getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<CardId> cardsAt(Repository repository, String commit) throws Exception {
        Set<CardId> cards = new HashSet<>();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(walk.parseCommit(repository.resolve(commit)).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                if (Language.ofPath(tree.getPathString()) == Language.EN) {
                    cards.add(CardId.fromPath(tree.getPathString()).orElseThrow());
                }
            }
        }
        return cards;
    }

    private static ObjectId headTree(Path repositoryDirectory) throws Exception {
        try (Git git = Git.open(repositoryDirectory.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
            return walk.parseCommit(git.getRepository().resolve("HEAD")).getTree().getId();
        }
    }
}
