package io.cardex.ingest.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;

/** A git repository in a temporary directory that tests write and commit cards into. */
final class TestRepository implements AutoCloseable {

    private final Path directory;
    private final Git git;

    private TestRepository(Path directory, Git git) {
        this.directory = directory;
        this.git = git;
    }

    static TestRepository init(Path directory) throws GitAPIException {
        return new TestRepository(directory, Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call());
    }

    TestRepository write(String path, String content) throws IOException {
        Path file = directory.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return this;
    }

    TestRepository move(String from, String to) throws IOException {
        Path target = directory.resolve(to);
        Files.createDirectories(target.getParent());
        Files.move(directory.resolve(from), target);
        return this;
    }

    TestRepository delete(String path) throws IOException {
        Files.delete(directory.resolve(path));
        return this;
    }

    RevCommit commit(String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        return git.commit().setMessage(message).setAuthor("Ada", "ada@example.com").call();
    }

    Git git() {
        return git;
    }

    Path directory() {
        return directory;
    }

    @Override
    public void close() {
        git.close();
    }
}
