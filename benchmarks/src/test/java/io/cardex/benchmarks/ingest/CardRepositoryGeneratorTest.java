package io.cardex.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardex.card.CardId;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardRepositoryGeneratorTest {

    private static final int CARDS = 300;
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @TempDir
    Path directory;

    @Test
    void writesTheAskedNumberOfDistinctCardsInOneCommitOnMain() throws Exception {
        GeneratedRepository written = new CardRepositoryGenerator(7, new PrintStream(OutputStream.nullOutputStream()))
                .write(directory, CARDS);

        try (Git git = Git.open(directory.toFile())) {
            Repository repository = git.getRepository();
            assertThat(repository.getBranch()).isEqualTo("main");
            assertThat(repository.resolve("HEAD").name()).isEqualTo(written.head());
            assertThat(git.log().call()).hasSize(1);
            assertThat(git.status().call().isClean()).isTrue();
            List<String> paths = pathsIn(repository, written.head());
            List<CardId> cards = paths.stream().map(path -> CardId.fromPath(path).orElseThrow()).toList();
            assertThat(paths).hasSize(written.files()).allMatch(path -> path.matches("[^/]+/([^/]+/)?[^/]+/[^/]+\\.md"));
            assertThat(cards.stream().distinct()).hasSize(CARDS).contains(written.someCard());
            assertThat(paths).anyMatch(path -> path.endsWith("_cn.md"));
        }
    }

    @Test
    void filesAHubLikeShareOfItsCardsOneBackendFolderDeeper() throws Exception {
        GeneratedRepository written = new CardRepositoryGenerator(7, QUIET).write(directory, CARDS);

        try (Git git = Git.open(directory.toFile())) {
            List<CardId> cards = cardsIn(git.getRepository(), written.head());
            long deeper = cards.stream().filter(card -> card.backend().isPresent()).count();
            assertThat(deeper).isBetween(3L, CARDS * 15L / 100);
            assertThat(cards).filteredOn(card -> card.backend().isPresent())
                    .allMatch(card -> card.value().matches("[^/]+/(cpu|gpu|ascend)/[^/]+/[^/]+"));
        }
    }

    @Test
    void writesEveryCardInTheBackendLayoutOrNoneAsAsked(@TempDir Path flat) throws Exception {
        GeneratedRepository early = new CardRepositoryGenerator(7, QUIET, 1).write(directory, 40);
        GeneratedRepository today = new CardRepositoryGenerator(7, QUIET, 0).write(flat, 40);

        try (Git earlyGit = Git.open(directory.toFile()); Git flatGit = Git.open(flat.toFile())) {
            assertThat(cardsIn(earlyGit.getRepository(), early.head()))
                    .hasSize(40).allMatch(card -> card.backend().isPresent() && card.version().isPresent());
            assertThat(cardsIn(flatGit.getRepository(), today.head()))
                    .hasSize(40).allMatch(card -> card.backend().isEmpty() && card.value().split("/").length == 3);
        }
    }

    private static List<CardId> cardsIn(Repository repository, String commit) throws Exception {
        return pathsIn(repository, commit).stream().filter(path -> !path.endsWith("_cn.md"))
                .map(path -> CardId.fromPath(path).orElseThrow()).toList();
    }

    private static List<String> pathsIn(Repository repository, String commit) throws Exception {
        List<String> paths = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            RevCommit head = walk.parseCommit(repository.resolve(commit));
            tree.addTree(head.getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                paths.add(tree.getPathString());
            }
        }
        return paths;
    }
}
