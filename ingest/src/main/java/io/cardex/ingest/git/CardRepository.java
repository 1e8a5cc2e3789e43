package io.cardex.ingest.git;

import io.cardex.card.CardFile;
import io.cardex.card.CardId;
import io.cardex.card.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.util.FileUtils;

/**
 * A card repository opened with JGit: a local repository read in place, or the bare clone of a
 * remote kept in a work directory and fetched on every {@link #refresh()}.
 */
public final class CardRepository implements AutoCloseable {

    /** Beyond this, "how far behind" is only "far": counting a long history costs more than it tells. */
    public static final int MAX_COUNTED_COMMITS = 10_000;
    private static final String PUBLISHED_REFS = "refs/cardex/published/";

    private final RepositorySource source;
    private final Repository repository;
    private final String branch;
    private final ProgressMonitor progress;

    private CardRepository(RepositorySource source, Repository repository, String branch, ProgressMonitor progress) {
        this.source = source;
        this.repository = repository;
        this.branch = branch;
        this.progress = progress;
    }

    /**
     * Opens the repository; a remote is cloned into {@code cloneDirectory} the first time.
     *
     * @param branch the branch to follow; empty for the local checkout's branch or the remote's
     *               default branch
     */
    public static CardRepository open(RepositorySource source, Optional<String> branch, Path cloneDirectory,
                                      ProgressMonitor progress) throws IOException, GitAPIException {
        if (source instanceof RepositorySource.Local local) {
            Repository repository = openLocal(local.directory());
            return new CardRepository(source, repository, branch.orElse(repository.getBranch()), progress);
        }
        if (source instanceof RepositorySource.Directory folder) {
            return new CardRepository(source, FolderSnapshots.open(folder.directory(), cloneDirectory),
                    FolderSnapshots.BRANCH, progress);
        }
        if (!Files.exists(cloneDirectory.resolve("HEAD"))) {
            cloneOnce(((RepositorySource.Remote) source).url(), branch, cloneDirectory, progress);
        }
        Repository repository = new FileRepositoryBuilder().setGitDir(cloneDirectory.toFile()).setMustExist(true).build();
        return new CardRepository(source, repository, branch.orElse(repository.getBranch()), progress);
    }

    /**
     * Clones beside the target, then moves the clone in place: a clone cut off half way (a crash,
     * a lost connection) is started again, never taken for a whole one.
     */
    private static void cloneOnce(String url, Optional<String> branch, Path cloneDirectory, ProgressMonitor progress)
            throws IOException, GitAPIException {
        Path partial = cloneDirectory.resolveSibling(cloneDirectory.getFileName() + ".partial");
        if (Files.exists(partial)) {
            FileUtils.delete(partial.toFile(), FileUtils.RECURSIVE);
        }
        Files.createDirectories(cloneDirectory.getParent());
        var clone = Git.cloneRepository().setURI(url).setDirectory(partial.toFile()).setBare(true)
                .setProgressMonitor(progress);
        branch.ifPresent(name -> clone.setBranchesToClone(List.of(Constants.R_HEADS + name)).setBranch(name));
        clone.call().close();
        Files.move(partial, cloneDirectory, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Repository openLocal(Path directory) throws IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(directory.toFile())
                .setMustExist(true);
        if (builder.getGitDir() == null) {
            throw new IOException(directory + " is not inside a git repository: run 'git init' there, "
                    + "or pass the URL of a remote repository");
        }
        return builder.build();
    }

    public String branch() {
        return branch;
    }

    public Repository repository() {
        return repository;
    }

    /**
     * Fetches a remote, or records a plain folder's state as a commit (a local repository is
     * always current), and returns the branch's head.
     */
    public Optional<RevCommit> refresh() throws IOException, GitAPIException {
        if (source instanceof RepositorySource.Directory) {
            FolderSnapshots.record(repository);
        }
        if (source instanceof RepositorySource.Remote) {
            String ref = Constants.R_HEADS + branch;
            try (Git git = Git.wrap(repository)) {
                git.fetch().setRemote(Constants.DEFAULT_REMOTE_NAME).setRefSpecs(new RefSpec("+" + ref + ":" + ref))
                        .setProgressMonitor(progress).call();
            }
        }
        Ref head = repository.exactRef(Constants.R_HEADS + branch);
        if (head == null || head.getObjectId() == null) {
            return Optional.empty();
        }
        return Optional.of(commit(head.getObjectId()));
    }

    public RevCommit commit(ObjectId id) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(id);
        }
    }

    /**
     * Commits reachable from {@code to} but not from {@code from} (all of them for a first
     * snapshot), counted up to {@link #MAX_COUNTED_COMMITS}.
     */
    public int commitsSince(Optional<ObjectId> from, RevCommit to) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(to));
            if (from.isPresent()) {
                walk.markUninteresting(walk.parseCommit(from.get()));
            }
            int commits = 0;
            while (commits < MAX_COUNTED_COMMITS && walk.next() != null) {
                commits++;
            }
            return commits;
        }
    }

    /**
     * Keeps the commit last published reachable in a repository of cardex's own (a clone, a
     * folder's record), under {@code refs/cardex/published/<branch>}: after a force-push the next
     * pass can still diff against it and delete the cards the rewrite removed. A local repository
     * is the user's and is left untouched.
     */
    public void keepPublished(RevCommit commit) throws IOException {
        if (source instanceof RepositorySource.Local) {
            return;
        }
        RefUpdate update = repository.updateRef(PUBLISHED_REFS + branch);
        update.setNewObjectId(commit);
        update.setForceUpdate(true);
        RefUpdate.Result result = update.update();
        if (result == RefUpdate.Result.LOCK_FAILURE || result == RefUpdate.Result.IO_FAILURE
                || result == RefUpdate.Result.REJECTED) {
            throw new IOException("cannot keep the published commit " + commit.name() + " in " + repository.getDirectory()
                    + ": " + result);
        }
    }

    /** Whether the commit is still in the repository (a rewritten history may have dropped it). */
    public boolean contains(ObjectId commit) throws IOException {
        return repository.getObjectDatabase().has(commit);
    }

    public boolean hasDirectory(RevCommit commit, String path) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(repository, path, commit.getTree())) {
            return walk != null && walk.isSubtree();
        }
    }

    /** The names of the files directly in a folder of the tree; empty when there is no such folder. */
    public Optional<Set<String>> fileNames(RevTree tree, String folder) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(repository, folder, tree)) {
            if (walk == null || !walk.isSubtree()) {
                return Optional.empty();
            }
            walk.enterSubtree();
            Set<String> names = new HashSet<>();
            while (walk.next()) {
                names.add(walk.getNameString());
            }
            return Optional.of(names);
        }
    }

    /** Whether the tree holds the card's English file, which makes a card of it. */
    public boolean hasCard(RevTree tree, CardsRoot root, CardId card) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(repository, root.pathOf(card, Language.EN), tree)) {
            return walk != null;
        }
    }

    /**
     * The files of a card in a tree, English first, in the languages given (those {@link TreeCards}
     * found to be the card's). A file larger than {@code maxBytes} is not read: it comes with its
     * size and no content.
     */
    public List<CardFile> cardFiles(RevTree tree, CardsRoot root, ChangedCard card, Set<Language> languages,
                                    long maxBytes) throws IOException {
        List<CardFile> files = new ArrayList<>();
        try (ObjectReader reader = repository.newObjectReader()) {
            for (Language language : Language.values()) {
                if (!languages.contains(language)) {
                    continue;
                }
                String path = root.pathOf(card.id(), language);
                Optional<ObjectId> blob = card.filesSeen().containsKey(language)
                        ? card.filesSeen().get(language) : lookUp(reader, path, tree);
                if (blob.isPresent()) {
                    long size = reader.getObjectSize(blob.get(), Constants.OBJ_BLOB);
                    byte[] content = size > maxBytes ? new byte[0] : reader.open(blob.get(), Constants.OBJ_BLOB).getBytes();
                    files.add(new CardFile(path, content, size));
                }
            }
        }
        return files;
    }

    /** A file the diff did not mention, found by walking the tree: the slower way, seldom needed. */
    private static Optional<ObjectId> lookUp(ObjectReader reader, String path, RevTree tree) throws IOException {
        try (TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
            return walk != null && TreeDiff.isFile(walk.getFileMode(0)) ? Optional.of(walk.getObjectId(0)) : Optional.empty();
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
