package io.cardex.ingest.watch;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a folder of cards, sub-folders included, and calls back on any change, so that a card
 * saved on disk is published without waiting for the next poll. Polling stays on as the
 * safety net: file-system events can overflow or be missed on network file systems.
 */
public final class FolderWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FolderWatcher.class);

    private final Path folder;
    private final Runnable onChange;
    private final WatchService watcher;
    private final Thread thread;

    private FolderWatcher(Path folder, Runnable onChange) throws IOException {
        this.folder = folder;
        this.onChange = onChange;
        this.watcher = FileSystems.getDefault().newWatchService();
        registerTree(folder);
        this.thread = new Thread(this::watch, "cardex-watch-" + folder.getFileName());
        thread.setDaemon(true);
    }

    /** Starts watching; {@code onChange} must return at once (it only asks for an ingest pass). */
    public static FolderWatcher start(Path folder, Runnable onChange) throws IOException {
        FolderWatcher watcher = new FolderWatcher(folder, onChange);
        watcher.thread.start();
        return watcher;
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                Path directory = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                        Path created = directory.resolve((Path) event.context());
                        if (Files.isDirectory(created)) {
                            registerTree(created);
                        }
                    }
                }
                key.reset();
                onChange.run();
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            log.warn("stopped watching {} ({}); changes are still found by polling", folder, e.getMessage());
        }
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> directories = Files.walk(root)) {
            for (Path directory : (Iterable<Path>) directories.filter(Files::isDirectory)::iterator) {
                directory.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
            }
        }
    }

    @Override
    public void close() throws IOException {
        watcher.close();
        thread.interrupt();
    }
}
