package io.cardex.indexer;

import io.cardex.cardindex.CardIndexNames;
import io.cardex.cardindex.UrlCredentials;
import io.cardex.topics.KafkaConnection;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the indexer is told at start-up.
 *
 * @param kafka        the Kafka holding the topic, and the user the indexer logs in as
 * @param groupId      the Kafka consumer group; indexers sharing it share the topic's partitions
 * @param bulk         how writes are batched, and how many may wait for an answer
 * @param verification how to download and check the cards' assets; empty not to check them
 * @param elasticsearchCa the PEM file of the CA that signed Elasticsearch's certificate; empty to trust the JVM's CAs
 */
public record IndexerConfig(
        KafkaConnection kafka, String topic, String groupId, URI elasticsearchUrl, CardIndexNames index,
        BulkSettings bulk, Optional<AssetVerification> verification, Optional<Path> elasticsearchCa) {

    /** The port of a standalone indexer's {@code /health} and {@code /metrics} unless told otherwise. */
    public static final int DEFAULT_PORT = 8082;

    public IndexerConfig {
        Objects.requireNonNull(kafka, "kafka");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(elasticsearchUrl, "elasticsearchUrl");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(bulk, "bulk");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(elasticsearchCa, "elasticsearchCa");
    }

    /** An indexer trusting the JVM's certificate authorities, as for an {@code http} Elasticsearch. */
    public IndexerConfig(KafkaConnection kafka, String topic, String groupId, URI elasticsearchUrl,
                         CardIndexNames index, BulkSettings bulk, Optional<AssetVerification> verification) {
        this(kafka, topic, groupId, elasticsearchUrl, index, bulk, verification, Optional.empty());
    }

    public IndexerConfig withElasticsearchCa(Optional<Path> caCertificate) {
        return new IndexerConfig(kafka, topic, groupId, elasticsearchUrl, index, bulk, verification,
                caCertificate);
    }

    /** As a record would say, with the password of the Elasticsearch URL hidden: configurations get logged. */
    @Override
    public String toString() {
        return "IndexerConfig[kafka=" + kafka
                + ", topic=" + topic
                + ", groupId=" + groupId
                + ", elasticsearchUrl=" + UrlCredentials.redact(elasticsearchUrl)
                + ", index=" + index
                + ", bulk=" + bulk
                + ", verification=" + verification
                + ", elasticsearchCa=" + elasticsearchCa + "]";
    }
}
