package io.cardex.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModelKeyTest {

    @Test
    void aModelIsTheUserAndTheNameOfItsCardsWhateverLiesBetween() {
        assertThat(ModelKey.of(CardKey.parse("hub/noah-cvlab/gpu/1.8/ghostnet_imagenet2012")))
                .hasToString("hub/noah-cvlab/ghostnet_imagenet2012")
                .isEqualTo(ModelKey.of(CardKey.parse("hub/noah-cvlab/1.9/ghostnet_imagenet2012")));
        assertThat(ModelKey.of(CardKey.parse("hub/me/card"))).hasToString("hub/me/card");
    }

    @Test
    void twoRepositoriesNeverShareAModel() {
        assertThat(ModelKey.of(CardKey.parse("hub/mindspore/1.9/resnet50")))
                .isNotEqualTo(ModelKey.of(CardKey.parse("mine/mindspore/1.9/resnet50")));
    }

    @Test
    void aUserOrNameThatNoCardCouldHaveIsRefused() {
        assertThatThrownBy(() -> new ModelKey("hub", "..", "resnet50")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelKey("Hub", "mindspore", "resnet50")).isInstanceOf(IllegalArgumentException.class);
    }
}
