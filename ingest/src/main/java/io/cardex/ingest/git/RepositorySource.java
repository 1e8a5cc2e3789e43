package io.cardex.ingest.git;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Where a card repository comes from: a git repository on this machine, or a remote to clone. */
public sealed interface RepositorySource {

    /** A name for the repository when none is configured: the last part of its path or URL. */
    String defaultName();

    /**
     * The repository on a git host whose pushes update this source: the URL of a remote, or the
     * {@code origin} of a local repository (empty when it has none).
     */
    Optional<String> hostedAt();

    /** A git repository on this machine, read in place: a commit there is seen at the next poll. */
    record Local(Path directory) implements RepositorySource {
        @Override
        public String defaultName() {
            return RepositorySource.nameFrom(directory.toAbsolutePath().normalize().getFileName().toString());
        }

        @Override
        public Optional<String> hostedAt() {
            try (Repository repository = new FileRepositoryBuilder().findGitDir(directory.toFile()).setMustExist(true)
                    .build()) {
                return Optional.ofNullable(repository.getConfig().getString("remote", "origin", "url"));
            } catch (IOException | IllegalArgumentException notARepository) {
                return Optional.empty();
            }
        }
    }

    /**
     * A plain folder of cards, without git: cardex records each state of it as a commit of a
     * repository of its own (in the work directory, never in the folder), so that it is ingested
     * exactly like a git repository, and watches the folder for changes.
     */
    record Directory(Path directory) implements RepositorySource {
        @Override
        public String defaultName() {
            return RepositorySource.nameFrom(directory.toAbsolutePath().normalize().getFileName().toString());
        }

        @Override
        public Optional<String> hostedAt() {
            return Optional.empty();
        }
    }

    /** A remote repository, cloned once into the data directory and fetched afterwards. */
    record Remote(String url) implements RepositorySource {
        @Override
        public String defaultName() {
            String path = url.replaceAll("/+$", "");
            return RepositorySource.nameFrom(path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf(':')) + 1));
        }

        @Override
        public Optional<String> hostedAt() {
            return Optional.of(url);
        }
    }

    /**
     * Reads the {@code --repo} setting: a URL (scheme:// or scp-like user@host:path), a path in a
     * git repository, or a plain folder.
     */
    static RepositorySource parse(String location) {
        if (location.matches("[a-zA-Z][a-zA-Z0-9+.-]*://.+")) {
            URI.create(location);
            return new Remote(location);
        }
        if (location.matches("[\\w.-]+@[\\w.-]+:.+")) {
            return new Remote(location);
        }
        Path path = Path.of(location);
        boolean plainFolder = Files.isDirectory(path)
                && new FileRepositoryBuilder().findGitDir(path.toFile()).getGitDir() == null;
        return plainFolder ? new Directory(path) : new Local(path);
    }

    private static String nameFrom(String lastSegment) {
        String name = lastSegment.replaceFirst("\\.git$", "").toLowerCase(Locale.ROOT);
        name = Pattern.compile("[^a-z0-9._-]+").matcher(name).replaceAll("-").replaceFirst("^[^a-z0-9]+", "");
        return name.isEmpty() ? "cards" : name.substring(0, Math.min(name.length(), 64));
    }
}
