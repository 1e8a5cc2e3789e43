package io.cardex.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CardIdTest {

    @Test
    void isThePathOfACardWithoutItsExtension() {
        assertThat(CardId.fromPath("mindspore/1.9/refinenet_voc2012.md"))
                .contains(new CardId("mindspore/1.9/refinenet_voc2012"));
    }

    @Test
    void itsFirstSegmentIsTheUserTheCardIsFiledUnder() {
        assertThat(new CardId("mindspore/1.9/refinenet_voc2012").userId()).isEqualTo("mindspore");
    }

    @Test
    void aCardMayLieAtAnyDepthAndKeepsItsWholePath() {
        assertThat(CardId.fromPath("me/card.md")).contains(new CardId("me/card"));
        assertThat(CardId.fromPath("noah-cvlab/gpu/1.8/ghostnet.md")).contains(new CardId("noah-cvlab/gpu/1.8/ghostnet"));
        assertThat(CardId.fromPath("a/b/c/d/e.md")).contains(new CardId("a/b/c/d/e"));
        assertThat(CardId.fromPath("mindspore/ascend/0.7/x_cn.md")).contains(new CardId("mindspore/ascend/0.7/x"));
    }

    @Test
    void itsPartsAreTheUserTheNameAndWhenThereTheVersionAndBackend() {
        CardId deep = new CardId("noah-cvlab/gpu/1.8/ghostnet_imagenet2012");
        CardId usual = new CardId("mindspore/1.9/refinenet_voc2012");
        CardId shallow = new CardId("me/card");

        assertThat(List.of(deep.userId(), deep.name(), deep.version().orElseThrow(), deep.backend().orElseThrow()))
                .containsExactly("noah-cvlab", "ghostnet_imagenet2012", "1.8", "gpu");
        assertThat(usual.version()).contains("1.9");
        assertThat(usual.backend()).isEmpty();
        assertThat(shallow.name()).isEqualTo("card");
        assertThat(shallow.version()).isEmpty();
        assertThat(new CardId("me/gpu").backend()).as("the last segment is the name, never a backend").isEmpty();
    }

    @Test
    void ignoresFilesThatCannotBeCards() {
        assertThat(CardId.fromPath("README.md")).as("directly under the root").isEmpty();
        assertThat(CardId.fromPath("mindspore/1.9/notes.txt")).isEmpty();
        assertThat(CardId.fromPath("mindspore/ /x.md")).isEmpty();
        assertThat(CardId.fromPath("mindspore/../x.md")).isEmpty();
        assertThat(CardId.fromPath("me/" + "x".repeat(CardId.MAX_BYTES) + ".md")).as("too long for a key").isEmpty();
    }

    @Test
    void keyPutsTheRepositoryFirstAndReadsBack() {
        CardKey key = new CardKey("examples", new CardId("mindspore/1.6/nasfpn_coco2017"));

        assertThat(key.toString()).isEqualTo("examples/mindspore/1.6/nasfpn_coco2017");
        assertThat(CardKey.parse(key.toString())).isEqualTo(key);
        assertThat(CardKey.parse("hub/mindspore/ascend/0.7/x").cardId()).isEqualTo(new CardId("mindspore/ascend/0.7/x"));
    }

    @Test
    void refusesARepositoryNameThatCannotStandInAKey() {
        assertThatThrownBy(() -> new CardKey("My Repo", new CardId("a/b/c")))
                .hasMessageContaining("repository name 'My Repo'");
    }
}
