package io.cardex.topics;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class CardChangeTopicTest {

    @Test
    void theTopicIsCompactedSoThatItHoldsTheLatestStateOfEveryCard() {
        assertThat(CardChangeTopic.configs((short) 1))
                .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    }

    @Test
    void aWriteIsAcknowledgedOnceEveryReplicaButOneHasIt() {
        assertThat(CardChangeTopic.configs((short) 1)).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1");
        assertThat(CardChangeTopic.configs((short) 2)).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1");
        assertThat(CardChangeTopic.configs((short) 3)).containsEntry(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
    }

    @Test
    void theDeadLetterTopicIsNamedAfterTheCardChangeTopic() {
        assertThat(DeadLetterTopic.of("cardex.card-changes")).isEqualTo("cardex.card-changes.dead-letters");
    }
}
