package io.cardex.access;

import java.util.Map;
import java.util.Objects;

/**
 * The names of one deployment that {@code access.yaml} writes as {@code ${index}}, {@code ${topic}},
 * {@code ${dead_letter_topic}} and {@code ${indexer_group}}: access is granted on these, not on
 * whatever a deployment happens to call them.
 */
public record DeploymentNames(String index, String topic, String deadLetterTopic, String indexerGroup) {

    public DeploymentNames {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
        Objects.requireNonNull(indexerGroup, "indexerGroup");
    }

    Map<String, String> byPlaceholder() {
        return Map.of("index", index, "topic", topic, "dead_letter_topic", deadLetterTopic,
                "indexer_group", indexerGroup);
    }
}
