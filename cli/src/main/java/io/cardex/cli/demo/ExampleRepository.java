package io.cardex.cli.demo;

import io.cardex.card.CardId;
import io.cardex.stack.DirectoryCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathSuffixFilter;

/**
 * The card repository of the demo: the example cards kept in the project, committed into a git
 * repository of their own in the data directory, which the user can then edit and commit to.
 */
public final class ExampleRepository {

    private ExampleRepository() {
    }

    /**
     * Creates the repository at {@code target} from {@code examples} unless it already exists
     * (a restarted demo keeps the user's changes).
     */
    public static Path createOnce(Path examples, Path target) throws IOException, GitAPIException {
        if (Files.isDirectory(target.resolve(".git"))) {
            return target;
        }
        DirectoryCopy.copy(examples, target);
        try (Git git = Git.init().setDirectory(target.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("Example cards").setAuthor("cardex demo", "demo@cardex.invalid")
                    .setCommitter("cardex demo", "demo@cardex.invalid").call();
        }
        return target;
    }

    /** How many cards the head commit of the repository holds. */
    public static long countCards(Path repository) throws IOException {
        try (Git git = Git.open(repository.toFile());
             TreeWalk walk = new TreeWalk(git.getRepository())) {
            ObjectId head = git.getRepository().resolve("HEAD^{tree}");
            if (head == null) {
                return 0;
            }
            walk.addTree(head);
            walk.setRecursive(true);
            walk.setFilter(PathSuffixFilter.create(".md"));
            Set<CardId> cards = new HashSet<>();
            while (walk.next()) {
                CardId.fromPath(walk.getPathString()).ifPresent(cards::add);
            }
            return cards.size();
        }
    }
}
