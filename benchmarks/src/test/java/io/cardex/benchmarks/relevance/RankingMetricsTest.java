package io.cardex.benchmarks.relevance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    @Test
    void recallCountsTheExactCardsFoundInTheFirstK() {
        Map<String, Integer> judged = Map.of("a", 2, "b", 2, "c", 2, "d", 2);

        assertThat(RankingMetrics.recallAt(5, List.of("a", "x", "b", "y", "c", "d"), judged)).isEqualTo(0.75);
        assertThat(RankingMetrics.recallAt(2, List.of("a", "x", "b"), judged)).isEqualTo(0.5);
        assertThat(RankingMetrics.recallAt(5, List.of(), judged)).isZero();
    }

    @Test
    void recallIsOneWhenTheFirstKAreAllExactEvenWithMoreExactCardsThanK() {
        Map<String, Integer> judged = Map.of("a", 2, "b", 2, "c", 2, "d", 2, "e", 2, "f", 2);

        assertThat(RankingMetrics.recallAt(5, List.of("f", "e", "d", "c", "b"), judged)).isEqualTo(1.0);
    }

    @Test
    void recallLeavesRelatedCardsOut() {
        assertThat(RankingMetrics.recallAt(5, List.of("related", "x"), Map.of("related", 1, "exact", 2))).isZero();
    }

    @Test
    void ndcgIsOneForTheIdealOrderAndLowerForAnyOther() {
        Map<String, Integer> judged = Map.of("a", 2, "b", 1);
        // ideal [a, b]: 3/log2(2) + 1/log2(3)
        double ideal = 3 + 1 / LOG2_3;

        assertThat(RankingMetrics.ndcgAt(10, List.of("a", "b", "x"), judged)).isEqualTo(1.0);
        assertThat(RankingMetrics.ndcgAt(10, List.of("b", "a"), judged)).isCloseTo((1 + 3 / LOG2_3) / ideal, within(1e-12))
                .isCloseTo(0.7967, within(1e-4));
        assertThat(RankingMetrics.ndcgAt(10, List.of("x", "a"), judged)).isCloseTo((3 / LOG2_3) / ideal, within(1e-12))
                .isCloseTo(0.5213, within(1e-4));
    }

    @Test
    void ndcgLooksOnlyAtTheFirstKOfTheRankingAndOfTheIdeal() {
        Map<String, Integer> judged = Map.of("a", 2, "b", 2, "c", 2);

        assertThat(RankingMetrics.ndcgAt(2, List.of("x", "y", "a"), judged)).isZero();
        assertThat(RankingMetrics.ndcgAt(2, List.of("c", "a"), judged)).isEqualTo(1.0);
    }

    @Test
    void aQueryWithoutAnAnswerCannotBeScored() {
        assertThatThrownBy(() -> RankingMetrics.recallAt(5, List.of("a"), Map.of("a", 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RankingMetrics.ndcgAt(10, List.of("a"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
