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
            assertThat(paths).hasSize(written.files()).allMatch(path -> path.matches("[^/]+/[^/]+/[^/]+\\.md"));
            assertThat(cards.stream().distinct()).hasSize(CARDS).contains(written.someCard());
            assertThat(paths).anyMatch(path -> path.endsWith("_cn.md"));
        }
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
