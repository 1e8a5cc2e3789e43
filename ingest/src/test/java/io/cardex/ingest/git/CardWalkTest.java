package io.cardex.ingest.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cardex.card.SkippedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardWalkTest {

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
    void aCardsEnglishAndChineseFilesComeTogetherWhateverTheTreeHoldsBetweenThem() throws Exception {
        // In git's order resnet.md, resnet/..., resnet50.md and resnet50_cn.md all come before resnet_cn.md.
        RevCommit head = repo.write("me/1.0/resnet.md", "model-name: resnet\n")
                .write("me/1.0/resnet/gpu/deeper.md", "model-name: deeper\n")
                .write("me/1.0/resnet50.md", "model-name: resnet50\n")
                .write("me/1.0/resnet50_cn.md", "模型名称: resnet50\n")
                .write("me/1.0/resnet_cn.md", "模型名称: resnet\n")
                .write("me/1.0/alone_cn.md", "模型名称: alone\n")
                .commit("cards");

        List<String> found = walk(head, new CardsRoot(""));

        assertThat(found).containsExactlyInAnyOrder(
                "card me/1.0/resnet: [me/1.0/resnet.md, me/1.0/resnet_cn.md]",
                "card me/1.0/resnet/gpu/deeper: [me/1.0/resnet/gpu/deeper.md]",
                "card me/1.0/resnet50: [me/1.0/resnet50.md, me/1.0/resnet50_cn.md]",
                "card me/1.0/alone: [me/1.0/alone_cn.md]");
    }

    @Test
    void aFoldersCardsAreHandedOnAsSoonAsTheWalkLeavesItNotAtTheEnd() throws Exception {
        RevCommit head = repo.write("mshub_res/assets/a/1.0/first.md", "model-name: first\n")
                .write("mshub_res/assets/b/1.0/notes.txt", "no card\n")
                .write("mshub_res/assets/b/1.0/second.md", "model-name: second\n")
                .write("mshub_res/assets/c/1.0/README.md", "no card either\n")
                .write("mshub_res/images/cover.png", "not below the cards root")
                .commit("three folders");

        List<String> found = walk(head, new CardsRoot(CardsRoot.MINDSPORE_HUB));

        assertThat(found).containsExactly(
                "card a/1.0/first: [a/1.0/first.md]",
                "skipped mshub_res/assets/b/1.0/notes.txt: NOT_MARKDOWN",
                "card b/1.0/second: [b/1.0/second.md]",
                "skipped mshub_res/assets/c/1.0/README.md: README");
    }

    @Test
    void aSymbolicLinkIsACandidateMarkedAsNoRegularFile() throws Exception {
        repo.write("me/1.0/card.md", "model-name: card\n");
        Files.createSymbolicLink(directory.resolve("me/1.0/link.md"), Path.of("card.md"));
        RevCommit head = repo.commit("a link");

        List<CardCandidate> candidates = new ArrayList<>();
        new CardWalk(repo.git().getRepository()).<RuntimeException>walk(head.getTree(), new CardsRoot(""),
                new CardWalk.Visitor<>() {
                    @Override
                    public void candidate(CardCandidate card) {
                        candidates.add(card);
                    }

                    @Override
                    public void skipped(SkippedFile file) {
                    }
                });

        assertThat(candidates).flatExtracting(CardCandidate::files)
                .extracting(CardCandidate.File::pathBelowRoot, CardCandidate.File::regularFile)
                .containsExactlyInAnyOrder(tuple("me/1.0/card.md", true),
                        tuple("me/1.0/link.md", false));
    }

    private List<String> walk(RevCommit head, CardsRoot root) throws Exception {
        List<String> found = new ArrayList<>();
        new CardWalk(repo.git().getRepository()).<RuntimeException>walk(head.getTree(), root, new CardWalk.Visitor<>() {
            @Override
            public void candidate(CardCandidate card) {
                found.add("card " + card.id().value() + ": "
                        + card.files().stream().map(CardCandidate.File::pathBelowRoot).sorted().toList());
            }

            @Override
            public void skipped(SkippedFile file) {
                found.add("skipped " + file.path() + ": " + file.reason());
            }
        });
        return found;
    }
}
