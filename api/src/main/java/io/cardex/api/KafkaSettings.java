package io.cardex.api;

import io.cardex.topics.KafkaConnection;
import java.util.Objects;

/**
 * Where the API reads how far the indexer has got: the topic of card changes and the consumer
 * group of the indexer that reads it, in the Kafka the API logs in to as its own user.
 */
public record KafkaSettings(KafkaConnection kafka, String topic, String indexerGroupId) {

    public KafkaSettings {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(indexerGroupId, "indexerGroupId");
    }
}
