package io.cardex.benchmarks.relevance;

import io.cardex.card.CardRules;
import io.cardex.ingest.IngestPass;
import io.cardex.ingest.Ingestor;
import io.cardex.ingest.PassProgress;
import io.cardex.ingest.RepositoryConfig;
import io.cardex.ingest.cursor.CursorStore;
import io.cardex.ingest.git.CardRepository;
import io.cardex.ingest.git.LoggingProgressMonitor;
import io.cardex.ingest.git.RepositorySource;
import io.cardex.ingest.publish.ChangePublisher;
import io.cardex.topics.CardChangeTopic;
import io.cardex.topics.KafkaConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Publishes the corpus to a card-changes topic as ingest does in production: the folder is read as
 * a plain folder of cards (never written to), and every card is parsed, checked and published.
 */
final class CorpusIngest {

    /** Cards are keyed {@code hub/<card id>}, as in the other benchmarks. */
    static final String REPOSITORY = "hub";
    static final String TOPIC = "relevance-card-changes";

    private CorpusIngest() {
    }

    /** Publishes every card of {@code corpus} to {@link #TOPIC}; returns once Kafka acknowledged them all. */
    static IngestPass publish(RelevanceCorpus corpus, String bootstrapServers, Path workDirectory) throws Exception {
        KafkaConnection kafka = KafkaConnection.open(bootstrapServers);
        RepositoryConfig config = new RepositoryConfig(new RepositorySource.Directory(corpus.hub()), REPOSITORY,
                Optional.empty(), Optional.empty(), Duration.ofHours(1), workDirectory, kafka, TOPIC,
                CardChangeTopic.DEFAULT_PARTITIONS, (short) 1, CardRules.DEFAULT);
        CardChangeTopic.ensureExists(kafka, TOPIC, CardChangeTopic.DEFAULT_PARTITIONS, (short) 1,
                CardRules.DEFAULT_MAX_FILE_BYTES);
        try (CardRepository cards = CardRepository.open(config.source(), Optional.empty(), config.cloneDirectory(),
                     new LoggingProgressMonitor("relevance"));
             ChangePublisher publisher = new ChangePublisher(kafka, TOPIC, CardRules.DEFAULT_MAX_FILE_BYTES)) {
            return new Ingestor(config, cards, publisher, new CursorStore(config.cursorFile()), new PassProgress())
                    .ingestOnce();
        }
    }
}
