package io.cardex.api;

import java.util.Objects;

/**
 * Where the API reads how far the indexer has got: the topic of card changes and the consumer
 * group of the indexer that reads it.
 */
public record KafkaSettings(String bootstrapServers, String topic, String indexerGroupId) {

    public KafkaSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(indexerGroupId, "indexerGroupId");
    }
}
