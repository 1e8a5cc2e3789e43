package io.cardex.ingest.cursor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CursorStoreTest {

    @TempDir
    Path directory;

    @Test
    void remembersTheLastPublishedCommitPerRepositoryAndBranchAcrossRestarts() throws IOException {
        Path file = directory.resolve("ingest/cursors.json");
        new CursorStore(file).markPublished("hub", "main", "aaaa", 1_764_648_000_000_001L);
        new CursorStore(file).markPublished("hub", "dev", "bbbb", 1_764_648_000_000_002L);

        CursorStore reopened = new CursorStore(file);
        assertThat(reopened.lastPublished("hub", "main")).contains("aaaa");
        assertThat(reopened.lastPublished("hub", "dev")).contains("bbbb");
        assertThat(reopened.lastPublished("other", "main")).isEmpty();
        assertThat(reopened.lastVersion("hub", "main")).isEqualTo(1_764_648_000_000_001L);
        assertThat(reopened.lastVersion("hub", "dev")).isEqualTo(1_764_648_000_000_002L);
        assertThat(reopened.lastVersion("other", "main")).as("none kept yet").isZero();
    }

    @Test
    void tellsACursorOfAnEarlierReleaseThatReadCardsAtOneDepthOnly() throws IOException {
        Path file = directory.resolve("cursors.json");
        Files.writeString(file, "{\"hub@main\": \"aaaa\", \"other@main\": \"cccc\"}");
        CursorStore cursors = new CursorStore(file);

        assertThat(cursors.lastPublished("hub", "main")).contains("aaaa");
        assertThat(cursors.readsCardsAtAnyDepth("hub", "main")).isFalse();

        cursors.markPublished("hub", "main", "bbbb", 7);

        assertThat(cursors.readsCardsAtAnyDepth("hub", "main")).isTrue();
        assertThat(cursors.readsCardsAtAnyDepth("other", "main")).as("each repository's own").isFalse();
        assertThat(cursors.lastPublished("hub", "main")).contains("bbbb");
        assertThat(cursors.lastVersion("other", "main")).as("an earlier release kept no version").isZero();
    }

    @Test
    void saysHowToRecoverFromAnUnreadableFile() throws IOException {
        Path file = directory.resolve("cursors.json");
        Files.writeString(file, "{ torn");

        assertThatThrownBy(() -> new CursorStore(file).lastPublished("hub", "main"))
                .hasMessageContaining("unreadable").hasMessageContaining("delete it");
    }

    @Test
    void repositoriesPublishingAtOnceThroughTheirOwnStoresNeverLoseEachOthersCursor() throws Exception {
        Path file = directory.resolve("cursors.json");
        int repositories = 8;
        int commitsEach = 25;
        ExecutorService passes = Executors.newFixedThreadPool(repositories);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int r = 0; r < repositories; r++) {
                String repository = "hub" + r;
                CursorStore own = new CursorStore(file);
                done.add(passes.submit((Callable<Void>) () -> {
                    for (int c = 1; c <= commitsEach; c++) {
                        own.markPublished(repository, "main", "commit-" + c, c);
                    }
                    return null;
                }));
            }
            for (Future<Void> pass : done) {
                pass.get();
            }
        } finally {
            passes.shutdownNow();
        }

        CursorStore reopened = new CursorStore(file);
        for (int r = 0; r < repositories; r++) {
            assertThat(reopened.lastPublished("hub" + r, "main")).contains("commit-" + commitsEach);
        }
        try (Stream<Path> left = Files.list(directory)) {
            assertThat(left).as("no temporary file is left behind").containsExactly(file);
        }
    }
}
