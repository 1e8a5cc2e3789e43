package io.cardex.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void ignoresFilesThatAreNotCards() {
        assertThat(CardId.fromPath("README.md")).isEmpty();
        assertThat(CardId.fromPath("mindspore/1.9/notes.txt")).isEmpty();
        assertThat(CardId.fromPath("mindspore/1.9/extra/deep.md")).isEmpty();
    }

    @Test
    void keyPutsTheRepositoryFirstAndReadsBack() {
        CardKey key = new CardKey("examples", new CardId("mindspore/1.6/nasfpn_coco2017"));

        assertThat(key.toString()).isEqualTo("examples/mindspore/1.6/nasfpn_coco2017");
        assertThat(CardKey.parse(key.toString())).isEqualTo(key);
    }

    @Test
    void refusesARepositoryNameThatCannotStandInAKey() {
        assertThatThrownBy(() -> new CardKey("My Repo", new CardId("a/b/c")))
                .hasMessageContaining("repository name 'My Repo'");
    }
}
