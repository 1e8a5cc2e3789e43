package io.cardex.ingest.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.Status;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Records the states of a plain folder of cards as commits of a repository kept in the work
 * directory, whose work tree is the folder. The folder itself is only read: nothing, not even a
 * {@code .git} file, is written into it. The index remembers each file's size and time, so a new
 * state costs reading the changed files only.
 */
final class FolderSnapshots {

    static final String BRANCH = "main";
    private static final PersonIdent CARDEX = new PersonIdent("cardex", "cardex@localhost");

    private FolderSnapshots() {
    }

    static Repository open(Path folder, Path gitDirectory) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + " is not a folder: give a folder of cards, a git repository or a git URL");
        }
        if (!Files.exists(gitDirectory.resolve("HEAD"))) {
            Files.createDirectories(gitDirectory.getParent());
            // Created bare, then opened with the folder as work tree: a non-bare creation would
            // write a .git link file into the folder.
            try (Repository created = new FileRepositoryBuilder().setGitDir(gitDirectory.toFile()).setBare().build()) {
                created.create(true);
                created.updateRef(Constants.HEAD).link(Constants.R_HEADS + BRANCH);
            }
        }
        return new FileRepositoryBuilder().setGitDir(gitDirectory.toFile()).setWorkTree(folder.toFile())
                .setMustExist(true).build();
    }

    /** Commits the folder's current state, when it differs from the last one recorded. */
    static void record(Repository repository) throws GitAPIException {
        try (Git git = Git.wrap(repository)) {
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            Status status = git.status().call();
            if (!status.getAdded().isEmpty() || !status.getChanged().isEmpty() || !status.getRemoved().isEmpty()) {
                git.commit().setAuthor(CARDEX).setCommitter(CARDEX)
                        .setMessage("state of " + repository.getWorkTree()).call();
            }
        }
    }
}
