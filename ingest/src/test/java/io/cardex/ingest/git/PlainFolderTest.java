package io.cardex.ingest.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder of cards without git is ingested as a repository of its successive states. */
class PlainFolderTest {

    private static final CardsRoot ROOT = new CardsRoot("");

    @TempDir
    Path folder;
    @TempDir
    Path work;

    @Test
    void aFolderWithoutGitIsAPlainFolderSource() {
        assertThat(RepositorySource.parse(folder.toString())).isEqualTo(new RepositorySource.Directory(folder));
    }

    @Test
    void eachChangedStateOfTheFolderIsOneCommitAndTheFolderIsNeverWrittenTo() throws Exception {
        write("mindspore/1.9/refinenet.md", "model-name: RefineNet\n");
        write("mindspore/1.7/dlinknet.md", "model-name: dlinknet\n");
        try (CardRepository repository = open()) {
            RevCommit first = repository.refresh().orElseThrow();
            assertThat(repository.refresh()).contains(first);

            write("mindspore/1.9/refinenet.md", "model-name: RefineNet v2\n");
            Files.delete(folder.resolve("mindspore/1.7/dlinknet.md"));
            RevCommit second = repository.refresh().orElseThrow();

            assertThat(second).isNotEqualTo(first);
            assertThat(TreeDiff.changedCards(repository.repository(), first.getTree(), second.getTree(), ROOT))
                    .extracting(card -> card.id().value())
                    .containsExactlyInAnyOrder("mindspore/1.9/refinenet", "mindspore/1.7/dlinknet");
        }
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.map(path -> folder.relativize(path).toString()).filter(name -> !name.isEmpty()).toList())
                    .containsExactlyInAnyOrder("mindspore", "mindspore/1.9", "mindspore/1.9/refinenet.md", "mindspore/1.7");
        }
    }

    @Test
    void anEmptyFolderHasNoStateYet() throws Exception {
        try (CardRepository repository = open()) {
            assertThat(repository.refresh()).isEmpty();
        }
    }

    @Test
    void theStateSurvivesARestart() throws Exception {
        write("mindspore/1.9/refinenet.md", "model-name: RefineNet\n");
        RevCommit before;
        try (CardRepository repository = open()) {
            before = repository.refresh().orElseThrow();
        }
        try (CardRepository reopened = open()) {
            assertThat(reopened.refresh()).contains(before);
        }
    }

    private CardRepository open() throws Exception {
        return CardRepository.open(new RepositorySource.Directory(folder), Optional.empty(), work.resolve("cards.git"),
                NullProgressMonitor.INSTANCE);
    }

    private void write(String path, String text) throws IOException {
        Files.createDirectories(folder.resolve(path).getParent());
        Files.writeString(folder.resolve(path), text);
    }
}
