package io.cardex.ingest.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeDiffTest {

    private static final CardsRoot REPOSITORY_ROOT = new CardsRoot("");

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
    void aFirstSnapshotUpsertsEveryCardAndNothingElse() throws Exception {
        RevCommit head = repo.write("mindspore/1.9/refinenet.md", "model-name: RefineNet\n")
                .write("mindspore/1.7/dlinknet.md", "model-name: dlinknet\n")
                .write("README.md", "not a card\n")
                .write("mindspore/1.7/notes.txt", "not a card either\n")
                .commit("first cards");

        assertThat(TreeDiff.changedCards(repo.git().getRepository(), null, head.getTree(), REPOSITORY_ROOT))
                .extracting(card -> card.id().value())
                .containsExactlyInAnyOrder("mindspore/1.9/refinenet", "mindspore/1.7/dlinknet");
    }

    @Test
    void cardsAtEveryDepthAreSeenAndFolderNotesAreNot() throws Exception {
        RevCommit head = repo.write("mshub_res/assets/me/card.md", "model-name: shallow\n")
                .write("mshub_res/assets/mindspore/1.9/refinenet.md", "model-name: RefineNet\n")
                .write("mshub_res/assets/noah-cvlab/gpu/1.8/ghostnet.md", "model-name: GhostNet\n")
                .write("mshub_res/assets/a/b/c/d/e.md", "model-name: deep\n")
                .write("mshub_res/assets/top.md", "directly under the root\n")
                .write("mshub_res/assets/mindspore/README.md", "a folder's notes\n")
                .write("mshub_res/README.md", "beside the root\n")
                .commit("every depth");

        assertThat(TreeDiff.changedCards(repo.git().getRepository(), null, head.getTree(),
                new CardsRoot(CardsRoot.MINDSPORE_HUB)))
                .extracting(card -> card.id().value())
                .containsExactlyInAnyOrder("me/card", "mindspore/1.9/refinenet", "noah-cvlab/gpu/1.8/ghostnet",
                        "a/b/c/d/e");
    }

    @Test
    void movingACardOutOfItsBackendFolderChangesTwoCards() throws Exception {
        String content = "model-name: LeNet\nsummary: a card long enough to be recognised as moved\n";
        RevCommit first = repo.write("mindspore/gpu/1.0/lenet.md", content).commit("backend layout");
        RevCommit second = repo.move("mindspore/gpu/1.0/lenet.md", "mindspore/1.0/lenet.md").commit("flatten");

        assertThat(TreeDiff.changedCards(repo.git().getRepository(), first.getTree(), second.getTree(), REPOSITORY_ROOT))
                .extracting(card -> card.id().value(), card -> card.filesSeen().values().iterator().next().isPresent())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("mindspore/gpu/1.0/lenet", false),
                        org.assertj.core.groups.Tuple.tuple("mindspore/1.0/lenet", true));
    }

    @Test
    void anEditAndADeleteChangeBothCards() throws Exception {
        RevCommit first = repo.write("mindspore/1.9/refinenet.md", "model-name: RefineNet\n")
                .write("mindspore/1.7/dlinknet.md", "model-name: dlinknet\n")
                .commit("first cards");
        RevCommit second = repo.write("mindspore/1.9/refinenet.md", "model-name: RefineNet v2\n")
                .delete("mindspore/1.7/dlinknet.md")
                .commit("edit one, delete one");

        assertThat(TreeDiff.changedCards(repo.git().getRepository(), first.getTree(), second.getTree(), REPOSITORY_ROOT))
                .extracting(card -> card.id().value())
                .containsExactlyInAnyOrder("mindspore/1.9/refinenet", "mindspore/1.7/dlinknet");
    }

    @Test
    void aMoveChangesTheOldCardAndTheNewOne() throws Exception {
        String content = "model-name: RefineNet\nsummary: a card long enough to be recognised as moved\n";
        RevCommit first = repo.write("mindspore/1.9/refinenet.md", content).commit("add");
        RevCommit second = repo.move("mindspore/1.9/refinenet.md", "mindspore/2.0/refinenet.md").commit("move");

        assertThat(TreeDiff.changedCards(repo.git().getRepository(), first.getTree(), second.getTree(), REPOSITORY_ROOT))
                .extracting(card -> card.id().value())
                .containsExactlyInAnyOrder("mindspore/1.9/refinenet", "mindspore/2.0/refinenet");
    }

    @Test
    void onlyCardsBelowTheCardsRootCount() throws Exception {
        RevCommit head = repo.write("mshub_res/assets/mindspore/1.9/refinenet.md", "model-name: RefineNet\n")
                .write("docs/mindspore/1.9/guide.md", "not below the root\n")
                .commit("hub layout");

        assertThat(TreeDiff.changedCards(repo.git().getRepository(), null, head.getTree(),
                new CardsRoot(CardsRoot.MINDSPORE_HUB)))
                .extracting(card -> card.id().value())
                .containsExactly("mindspore/1.9/refinenet");
    }

    @Test
    void editingOnlyTheChineseVersionChangesTheCard() throws Exception {
        RevCommit first = repo.write("mindspore/1.9/refinenet.md", "model-name: RefineNet\n")
                .write("mindspore/1.9/refinenet_cn.md", "模型名称：RefineNet\n")
                .commit("both languages");
        RevCommit second = repo.write("mindspore/1.9/refinenet_cn.md", "模型名称：RefineNet 二\n").commit("edit zh");

        assertThat(TreeDiff.changedCards(repo.git().getRepository(), first.getTree(), second.getTree(), REPOSITORY_ROOT))
                .extracting(card -> card.id().value())
                .containsExactly("mindspore/1.9/refinenet");
    }

    @Test
    void bothLanguagesOfANewCardAreOneCard() throws Exception {
        RevCommit head = repo.write("mindspore/1.9/refinenet.md", "model-name: RefineNet\n")
                .write("mindspore/1.9/refinenet_cn.md", "模型名称：RefineNet\n")
                .commit("both languages");

        assertThat(TreeDiff.changedCards(repo.git().getRepository(), null, head.getTree(), REPOSITORY_ROOT))
                .extracting(card -> card.id().value())
                .containsExactly("mindspore/1.9/refinenet");
    }
}
