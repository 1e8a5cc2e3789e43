package io.cardex.ingest.cursor;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardex.card.CardexJson;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The last commit whose changes were all acknowledged by Kafka, per repository and branch. It is
 * a small JSON file replaced atomically and synced with its folder, so a crash leaves either the
 * old or the new cursor, never a torn or lost one. The repositories of one ingest share the file,
 * each through its own store: every store of a file takes the same lock, so that two passes
 * finishing at once never lose each other's cursor.
 */
public final class CursorStore {

    private static final TypeReference<TreeMap<String, String>> CURSORS = new TypeReference<>() {
    };
    /** One lock per cursor file in this process, whichever store writes it. */
    private static final ConcurrentMap<Path, Object> LOCKS = new ConcurrentHashMap<>();
    /**
     * What a card was when a cursor was written, kept beside it. A cursor without it was written
     * by a release that read only {@code <user-id>/<version>/<name>.md}: cards at other depths were
     * never published, so the next pass publishes every card of its head once.
     */
    private static final String LAYOUT_SUFFIX = "#cards";
    private static final String CURRENT_LAYOUT = "any-depth";
    /** The last record version published with the cursor's commit ({@code ChangeVersionClock}). */
    private static final String VERSION_SUFFIX = "#version";

    private final Path file;
    private final Object lock;
    private final ObjectMapper json = CardexJson.newMapper();

    public CursorStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.lock = LOCKS.computeIfAbsent(this.file, path -> new Object());
    }

    public Optional<String> lastPublished(String repository, String branch) throws IOException {
        synchronized (lock) {
            return Optional.ofNullable(readAll().get(key(repository, branch)));
        }
    }

    /** Whether the cursor was written by a release that read cards at any depth, as this one does. */
    public boolean readsCardsAtAnyDepth(String repository, String branch) throws IOException {
        synchronized (lock) {
            return CURRENT_LAYOUT.equals(readAll().get(key(repository, branch) + LAYOUT_SUFFIX));
        }
    }

    /**
     * The highest record version published up to the cursor, 0 when none was kept: versions
     * published after a restart go on above it, even when the clock stepped backwards.
     */
    public long lastVersion(String repository, String branch) throws IOException {
        synchronized (lock) {
            String version = readAll().get(key(repository, branch) + VERSION_SUFFIX);
            try {
                return version == null ? 0 : Long.parseLong(version);
            } catch (NumberFormatException e) {
                throw new IOException("the ingest cursor file " + file + " holds '" + version + "' as the last version of "
                        + key(repository, branch) + ", not a number; delete the file to publish every card again", e);
            }
        }
    }

    /**
     * @param lastVersion the highest record version published so far, see {@link #lastVersion}
     */
    public void markPublished(String repository, String branch, String commit, long lastVersion) throws IOException {
        synchronized (lock) {
            Map<String, String> cursors = readAll();
            cursors.put(key(repository, branch), commit);
            cursors.put(key(repository, branch) + LAYOUT_SUFFIX, CURRENT_LAYOUT);
            cursors.put(key(repository, branch) + VERSION_SUFFIX, Long.toString(lastVersion));
            Path folder = file.getParent();
            Files.createDirectories(folder);
            Path next = Files.createTempFile(folder, file.getFileName() + ".", ".next");
            try {
                Files.write(next, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(cursors));
                try (FileChannel channel = FileChannel.open(next, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(next);
            }
            syncFolder(folder);
        }
    }

    /** Makes the rename itself durable: until its folder is synced, a crash may bring back the old file. */
    private static void syncFolder(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private Map<String, String> readAll() throws IOException {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        try {
            return json.readValue(file.toFile(), CURSORS);
        } catch (IOException e) {
            throw new IOException("the ingest cursor file " + file + " is unreadable (" + e.getMessage()
                    + "); delete it to publish every card again", e);
        }
    }

    private static String key(String repository, String branch) {
        return repository + "@" + branch;
    }
}
