package io.cardex.benchmarks.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEditor.DeletePath;
import org.eclipse.jgit.dircache.DirCacheEditor.PathEdit;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/**
 * The working tree of a non-bare repository and its index, held in memory while files are
 * written and committed. Each file is hashed and staged as it is written, so a commit never
 * scans the working tree nor reads and rewrites the index file, which {@code git add} and
 * {@code git commit} do and which costs a commit time in proportion to every file of the
 * repository. The index file is written once, on {@link #close()}, with each file's size and
 * modification time, so git finds the working tree clean.
 */
final class StagedWorkingTree implements AutoCloseable {

    private final Repository repository;
    private final Path directory;
    private final DirCache index;
    private final ObjectInserter inserter;
    private final List<PathEdit> staged = new ArrayList<>();

    /** Locks and reads the repository's index; {@link #close()} writes it and unlocks it. */
    StagedWorkingTree(Repository repository) throws IOException {
        this.repository = repository;
        this.directory = repository.getWorkTree().toPath();
        this.index = repository.lockDirCache();
        this.inserter = repository.newObjectInserter();
    }

    boolean exists(String path) {
        return Files.exists(directory.resolve(path));
    }

    byte[] read(String path) throws IOException {
        return Files.readAllBytes(directory.resolve(path));
    }

    /** Writes the file into the working tree and stages it for the next commit. */
    void write(String path, byte[] content) throws IOException {
        Path file = directory.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        BasicFileAttributes written = Files.readAttributes(file, BasicFileAttributes.class);
        ObjectId blob = inserter.insert(Constants.OBJ_BLOB, content);
        staged.add(new PathEdit(path) {
            @Override
            public void apply(DirCacheEntry entry) {
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(blob);
                entry.setLength(written.size());
                entry.setLastModified(written.lastModifiedTime().toInstant());
            }
        });
    }

    /** Deletes the file from the working tree and stages its removal for the next commit. */
    void remove(String path) throws IOException {
        Files.delete(directory.resolve(path));
        staged.add(new DeletePath(path));
    }

    /**
     * Commits what was staged on top of the current branch's head (or as its first commit) and
     * moves the branch to it.
     *
     * @return the new commit
     */
    ObjectId commit(String message) throws IOException {
        DirCacheEditor editor = index.editor();
        staged.forEach(editor::add);
        editor.finish();
        staged.clear();
        ObjectId parent = repository.resolve(Constants.HEAD);
        PersonIdent author = new PersonIdent(CardRepositoryGenerator.AUTHOR, CardRepositoryGenerator.EMAIL);
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(index.writeTree(inserter));
        if (parent != null) {
            commit.setParentId(parent);
        }
        commit.setAuthor(author);
        commit.setCommitter(author);
        commit.setMessage(message);
        ObjectId id = inserter.insert(commit);
        inserter.flush();
        moveBranch(parent, id, message);
        return id;
    }

    private void moveBranch(ObjectId parent, ObjectId commit, String message) throws IOException {
        RefUpdate update = repository.updateRef(Constants.HEAD);
        update.setNewObjectId(commit);
        update.setExpectedOldObjectId(parent == null ? ObjectId.zeroId() : parent);
        update.setRefLogMessage((parent == null ? "commit (initial): " : "commit: ") + message, false);
        RefUpdate.Result result = update.update();
        if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
            throw new IOException(String.format(Locale.ROOT, "could not move %s to commit %s: %s",
                    repository.getFullBranch(), commit.name(), result));
        }
    }

    /** Writes the index file, whose entries are those of the last commit, and unlocks it. */
    @Override
    public void close() throws IOException {
        try (inserter) {
            index.write();
            if (!index.commit()) {
                throw new IOException("could not write the index of " + directory);
            }
        } finally {
            index.unlock();
        }
    }
}
