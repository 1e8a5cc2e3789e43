package io.cardex.api.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ConsumerLagTest {

    private static final TopicPartition P0 = new TopicPartition("cardex.card-changes", 0);
    private static final TopicPartition P1 = new TopicPartition("cardex.card-changes", 1);
    private static final TopicPartition P2 = new TopicPartition("cardex.card-changes", 2);

    @Test
    void theLagIsWhatLiesBetweenTheCommittedOffsetAndTheEndOfEveryPartition() {
        assertThat(ConsumerLag.behind(Map.of(P0, 10L, P1, 7L, P2, 3L), Map.of(P0, 4L, P1, 7L, P2, 0L), Map.of()))
                .isEqualTo(6 + 0 + 3);
    }

    @Test
    void aPartitionTheIndexerHasNotCommittedYetCountsFromItsStart() {
        assertThat(ConsumerLag.behind(Map.of(P0, 10L, P1, 7L), Map.of(P0, 10L), Map.of(P0, 0L, P1, 2L)))
                .as("compaction removed the first two records of partition 1").isEqualTo(5);
    }

    @Test
    void recordsRemovedSinceTheLastCommitAreNotWaiting() {
        assertThat(ConsumerLag.behind(Map.of(P0, 10L), Map.of(P0, 2L), Map.of(P0, 6L))).isEqualTo(4);
    }

    @Test
    void anIndexerAheadOfAnOffsetReadEarlierIsNotBehind() {
        assertThat(ConsumerLag.behind(Map.of(P0, 10L), Map.of(P0, 12L), Map.of())).isZero();
    }
}
