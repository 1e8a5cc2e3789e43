package io.cardex.topics;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class CardChangeTopicTest {

    private static final long MIB = 1L << 20;

    @Test
    void aRecordMayHoldBothFilesOfTheLargestCardWithRoomToSpare() {
        assertThat(CardChangeTopic.maxRecordBytes(MIB)).isEqualTo(3 * MIB);
        assertThat(CardChangeTopic.configs((short) 1, MIB)).containsEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                String.valueOf(3 * MIB));
    }

    @Test
    void theTopicIsCompactedSoThatItHoldsTheLatestStateOfEveryCard() {
        assertThat(CardChangeTopic.configs((short) 1, MIB))
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    }

    @Test
    void aWriteIsAcknowledgedOnceEveryReplicaButOneHasIt() {
        assertThat(CardChangeTopic.configs((short) 1, MIB)).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1");
        assertThat(CardChangeTopic.configs((short) 2, MIB)).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1");
        assertThat(CardChangeTopic.configs((short) 3, MIB)).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
    }

    @Test
    void theDeadLetterTopicIsNamedAfterTheCardChangeTopic() {
        assertThat(DeadLetterTopic.of("cardex.card-changes")).isEqualTo("cardex.card-changes.dead-letters");
    }
}
