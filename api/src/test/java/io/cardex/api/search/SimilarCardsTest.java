package io.cardex.api.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.cardex.api.search.SimilarCards.Ranked;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimilarCardsTest {

    private static final Ranked REFINEDET = new Ranked("hub/mindspore/1.7/refinedet_coco2017", "hub/mindspore/refinedet_coco2017");
    private static final Ranked REFINENET = new Ranked("hub/mindspore/1.9/refinenet_voc2012", "hub/mindspore/refinenet_voc2012");
    private static final Ranked DLINKNET = new Ranked("hub/mindspore/1.7/dlinknet_deepglobe", "hub/mindspore/dlinknet_deepglobe");
    private static final Ranked DLINKNET_18 = new Ranked("hub/mindspore/1.8/dlinknet_deepglobe", "hub/mindspore/dlinknet_deepglobe");

    @Test
    void aCardHighInBothRankingsBeatsOneFirstInOnlyOne() {
        List<Ranked> byWords = List.of(REFINEDET, REFINENET);
        List<Ranked> byMeaning = List.of(DLINKNET, REFINEDET);

        assertThat(SimilarCards.bestOfEachModel(List.of(byWords, byMeaning), 10).keySet())
                .containsExactly(REFINEDET.key(), DLINKNET.key(), REFINENET.key());
    }

    @Test
    void cardsFusedToTheSameScoreKeepTheOrderOfTheWords() {
        // First by words and third by meaning, or the other way round: 1/61 + 1/63 each.
        List<Ranked> byWords = List.of(REFINEDET, REFINENET, DLINKNET);
        List<Ranked> byMeaning = List.of(DLINKNET, REFINENET, REFINEDET);

        assertThat(SimilarCards.bestOfEachModel(List.of(byWords, byMeaning), 10).keySet()).first()
                .isEqualTo(REFINEDET.key());
    }

    @Test
    void eachModelComesOnceByItsBestCardUpToTheSizeAsked() {
        List<Ranked> byWords = List.of(DLINKNET_18, DLINKNET, REFINEDET, REFINENET);

        assertThat(SimilarCards.bestOfEachModel(List.of(byWords), 2).keySet())
                .containsExactly(DLINKNET_18.key(), REFINEDET.key());
    }

    @Test
    void aCardWithoutAVectorIsAlikeByItsWordsAlone() {
        assertThat(SimilarCards.bestOfEachModel(List.of(List.of(REFINENET, REFINEDET)), 10))
                .containsExactly(entry(REFINENET.key(), 1.0 / 61),
                        entry(REFINEDET.key(), 1.0 / 62));
    }
}
