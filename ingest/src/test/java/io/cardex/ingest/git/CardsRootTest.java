package io.cardex.ingest.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CardsRootTest {

    @Test
    void theImagesFolderIsBesideTheCardsRoot() {
        assertThat(new CardsRoot(CardsRoot.MINDSPORE_HUB).imagesFolder()).isEqualTo("mshub_res/images");
        assertThat(new CardsRoot("").imagesFolder()).isEqualTo("images");
    }
}
