package io.cardex.ingest;

import io.cardex.card.CardKey;
import io.cardex.card.CardRules;
import io.cardex.ingest.git.RepositorySource;
import io.cardex.topics.KafkaConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the ingest of one card repository is told at start-up; {@link IngestConfig} holds the
 * whole service's. Messages name the command-line option a user sets.
 *
 * @param repositoryName    the name cards of this repository are keyed under
 * @param branch            the branch to follow; empty for the repository's own default
 * @param cardsRoot         the folder holding the cards; empty to use {@code mshub_res/assets}
 *                          when present, else the repository root
 * @param workDirectory     where remote clones and the publish cursor are kept
 * @param kafka             the Kafka the changes are published to, and the user ingest logs in as
 * @param cardRules         the settings cards are read and checked with
 */
public record RepositoryConfig(
        RepositorySource source,
        String repositoryName,
        Optional<String> branch,
        Optional<String> cardsRoot,
        Duration pollInterval,
        Path workDirectory,
        KafkaConnection kafka,
        String topic,
        int topicPartitions,
        short topicReplicationFactor,
        CardRules cardRules) {

    public RepositoryConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(cardRules, "cardRules");
        Objects.requireNonNull(kafka, "kafka");
        CardKey.requireValidRepositoryName(repositoryName);
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("--poll-interval must be positive, not " + pollInterval);
        }
        if (topicPartitions < 1) {
            throw new IllegalArgumentException("--partitions must be at least 1, not " + topicPartitions);
        }
    }

    public Path cloneDirectory() {
        return workDirectory.resolve("clones").resolve(repositoryName + ".git");
    }

    public Path cursorFile() {
        return workDirectory.resolve("cursors.json");
    }
}
