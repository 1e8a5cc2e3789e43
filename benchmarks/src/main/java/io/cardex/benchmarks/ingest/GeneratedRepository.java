package io.cardex.benchmarks.ingest;

import io.cardex.topics.KafkaConnection;
import io.cardex.card.CardId;
import io.cardex.card.CardRules;
import io.cardex.ingest.RepositoryConfig;
import io.cardex.ingest.git.RepositorySource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A card repository {@link CardRepositoryGenerator} wrote.
 *
 * @param cards     the distinct cards it holds
 * @param files     their files, {@code .md} and {@code _cn.md}
 * @param head      the commit holding them all (full SHA-1)
 * @param someCard  one of its cards, for a benchmark that edits one
 */
public record GeneratedRepository(Path directory, int cards, int files, String head, CardId someCard) {

    /** The repository name ingest keys the cards under: {@code hub/<user>/<version>/<name>}. */
    public static final String NAME = "hub";

    /**
     * How the benchmarks have ingest follow the repository: read in place, polled only once an
     * hour so that a call or a webhook explains every pass, to a topic of the runtime's 3 partitions.
     *
     * @param workDirectory where ingest keeps its cursor: a fresh one makes the first pass a snapshot
     */
    public RepositoryConfig ingestConfig(Path workDirectory, String bootstrapServers, String topic) {
        return new RepositoryConfig(new RepositorySource.Local(directory), NAME, Optional.empty(), Optional.empty(),
                Duration.ofHours(1), workDirectory, KafkaConnection.open(bootstrapServers), topic, SnapshotBenchmark.TOPIC_PARTITIONS,
                (short) 1, CardRules.DEFAULT);
    }
}
