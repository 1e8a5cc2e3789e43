package io.cardex.ingest.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardex.card.CardId;
import org.junit.jupiter.api.Test;

class CardsRootTest {

    @Test
    void theImagesFolderIsBesideTheCardsRoot() {
        assertThat(new CardsRoot(CardsRoot.MINDSPORE_HUB).imagesFolder()).isEqualTo("mshub_res/images");
        assertThat(new CardsRoot("").imagesFolder()).isEqualTo("images");
    }

    @Test
    void aCardIsAnyMarkdownFileBelowAUserFolderOfTheRoot() {
        CardsRoot hub = new CardsRoot(CardsRoot.MINDSPORE_HUB);

        assertThat(hub.cardAt("mshub_res/assets/noah-cvlab/gpu/1.8/ghostnet_cn.md"))
                .contains(new CardId("noah-cvlab/gpu/1.8/ghostnet"));
        assertThat(hub.cardAt("mshub_res/assets/me/card.md")).contains(new CardId("me/card"));
        assertThat(hub.cardAt("mshub_res/assets/card.md")).isEmpty();
        assertThat(hub.cardAt("mshub_res/assets/me/1.0/README.md")).isEmpty();
        assertThat(hub.cardAt("mshub_res/other/me/1.0/card.md")).isEmpty();
        assertThat(hub.pathOf("me/1.0/logo.png")).isEqualTo("mshub_res/assets/me/1.0/logo.png");
    }
}
