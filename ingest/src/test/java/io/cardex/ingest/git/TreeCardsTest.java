package io.cardex.ingest.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardex.card.CardId;
import io.cardex.card.CardPaths;
import io.cardex.card.SkipReason;
import io.cardex.card.SkippedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeCardsTest {

    private static final CardsRoot HUB = new CardsRoot(CardsRoot.MINDSPORE_HUB);

    @TempDir
    Path directory;
    private TestRepository repo;

    @BeforeEach
    void createRepository() throws Exception {
        repo = TestRepository.init(directory);
    }

    @AfterEach
    void closeRepository() {
        repo.close();
    }

    @Test
    void sortsAWholeTreeIntoCardsOfEveryDepthAndSkippedFilesNamedFromTheRepositoryRoot() throws Exception {
        RevCommit head = repo.write("mshub_res/assets/me/1.0/card.md", "model-name: card\n")
                .write("mshub_res/assets/me/1.0/card_cn.md", "模型名称: card\n")
                .write("mshub_res/assets/noah-cvlab/gpu/1.8/ghostnet.md", "model-name: GhostNet\n")
                .write("mshub_res/assets/a/b/c/d/e.md", "model-name: deep\n")
                .write("mshub_res/assets/README.md", "the hub\n")
                .write("mshub_res/assets/me/1.0/only_cn.md", "模型名称: alone\n")
                .write("mshub_res/assets/me/1.0/logo.png", "png")
                .write("mshub_res/images/cover.png", "not below the cards root")
                .write("README.md", "not below the cards root either")
                .commit("a hub");
        Files.write(directory.resolve("mshub_res/assets/me/1.0/image.md"), new byte[] {'P', 'N', 'G', 0});
        head = repo.commit("and a binary file");

        CardPaths.Sorted sorted = new TreeCards(repo.git().getRepository()).sort(head.getTree(), HUB);

        assertThat(sorted.cards().keySet()).extracting(CardId::value)
                .containsExactly("a/b/c/d/e", "me/1.0/card", "noah-cvlab/gpu/1.8/ghostnet");
        assertThat(sorted.filesOf(new CardId("me/1.0/card"))).hasSize(2);
        assertThat(sorted.skipped()).containsExactly(
                new SkippedFile("mshub_res/assets/README.md", SkipReason.README),
                new SkippedFile("mshub_res/assets/me/1.0/image.md", SkipReason.BINARY),
                new SkippedFile("mshub_res/assets/me/1.0/logo.png", SkipReason.NOT_MARKDOWN),
                new SkippedFile("mshub_res/assets/me/1.0/only_cn.md", SkipReason.CHINESE_WITHOUT_ENGLISH));
    }

    @Test
    void aSymbolicLinkIsUnreadable() throws Exception {
        repo.write("me/1.0/card.md", "model-name: card\n");
        Files.createSymbolicLink(directory.resolve("me/1.0/link.md"), Path.of("card.md"));
        RevCommit head = repo.commit("a link");

        CardPaths.Sorted sorted = new TreeCards(repo.git().getRepository()).sort(head.getTree(), new CardsRoot(""));

        assertThat(sorted.skipped()).containsExactly(new SkippedFile("me/1.0/link.md", SkipReason.UNREADABLE));
    }
}
