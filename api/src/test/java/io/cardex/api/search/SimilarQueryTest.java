package io.cardex.api.search;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SimilarQueryTest {

    @Test
    void moreThanFiftySimilarCardsAreRefusedNamingTheParameter() {
        assertThatThrownBy(() -> new SimilarQuery("hub/mindspore/1.9/refinenet_voc2012", 51, StatusFilter.VALID))
                .hasMessage("parameter 'size' must be between 1 and 50, not 51");
    }

    @Test
    void noSimilarCardsIsNotAQuestion() {
        assertThatThrownBy(() -> new SimilarQuery("hub/mindspore/1.9/refinenet_voc2012", 0, StatusFilter.VALID))
                .hasMessage("parameter 'size' must be between 1 and 50, not 0");
    }
}
