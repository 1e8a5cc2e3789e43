package io.cardex.stack;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The unprivileged user Elasticsearch runs as when cardex runs as root (Elasticsearch refuses to
 * run as root). It is created when missing and owns Elasticsearch's part of the data directory.
 */
record ServiceUser(String name) {

    static final String DEFAULT_NAME = "cardex";

    /** The user to run Elasticsearch as, or empty when cardex does not run as root. */
    static Optional<ServiceUser> forElasticsearch() throws StartupFailure {
        if (!isRoot()) {
            return Optional.empty();
        }
        ServiceUser user = new ServiceUser(DEFAULT_NAME);
        if (!user.exists()) {
            user.create();
        }
        return Optional.of(user);
    }

    static boolean isRoot() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    private boolean exists() {
        try {
            lookup().lookupPrincipalByName(name);
            return true;
        } catch (UserPrincipalNotFoundException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("cannot look up user " + name, e);
        }
    }

    private void create() throws StartupFailure {
        ProcessBuilder useradd = new ProcessBuilder("useradd", "--system", "--user-group", "--no-create-home",
                "--home-dir", "/nonexistent", "--shell", "/usr/sbin/nologin", name).redirectErrorStream(true);
        try {
            Process process = useradd.start();
            String output = new String(process.getInputStream().readAllBytes()).strip();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new StartupFailure("cannot create the user '" + name + "' that runs Elasticsearch (useradd: "
                        + output + "): create it yourself, or run cardex as a normal user");
            }
        } catch (IOException e) {
            throw new StartupFailure("cannot create the user '" + name + "' that runs Elasticsearch (" + e.getMessage()
                    + "): create it yourself, or run cardex as a normal user", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailure("interrupted while creating the user '" + name + "'", e);
        }
    }

    /**
     * Lets this user pass through {@code dataDirectory} (cardex's own, which may have been
     * created private) and fails when it cannot enter one of the directories above it.
     */
    void requireCanReach(Path dataDirectory) throws StartupFailure {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dataDirectory);
            if (permissions.add(PosixFilePermission.OTHERS_EXECUTE)) {
                Files.setPosixFilePermissions(dataDirectory, permissions);
            }
            UserPrincipal self = lookup().lookupPrincipalByName(name);
            for (Path dir = dataDirectory.getParent(); dir != null; dir = dir.getParent()) {
                if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)
                        && !Files.getOwner(dir).equals(self)) {
                    throw new StartupFailure("Elasticsearch runs as the unprivileged user '" + name
                            + "', which may not enter " + dir + ": choose a data directory it can reach with "
                            + "--data-dir (for example /var/lib/cardex)");
                }
            }
        } catch (IOException e) {
            throw new StartupFailure("cannot check the permissions above " + dataDirectory + ": " + e.getMessage(), e);
        }
    }

    /** Makes this user the owner of {@code tree} and everything in it. */
    void own(Path tree) throws IOException {
        UserPrincipal user = lookup().lookupPrincipalByName(name);
        GroupPrincipal group = lookup().lookupPrincipalByGroupName(name);
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                chown(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                chown(file);
                return FileVisitResult.CONTINUE;
            }

            private void chown(Path path) throws IOException {
                PosixFileAttributeView view =
                        Files.getFileAttributeView(path, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                view.setOwner(user);
                view.setGroup(group);
            }
        });
    }

    private static UserPrincipalLookupService lookup() {
        return FileSystems.getDefault().getUserPrincipalLookupService();
    }
}
