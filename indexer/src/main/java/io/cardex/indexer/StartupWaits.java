package io.cardex.indexer;

import io.cardex.cardindex.CardIndexVersions;
import io.cardex.cardindex.ElasticsearchAccessFailure;
import io.cardex.cardindex.ElasticsearchConnection;
import io.cardex.cardindex.RequiredPrivileges;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an indexer waits for before it reads: an index to write to (it creates it if need be) and
 * a topic to read (ingest creates it, compacted). Either may still be starting; both are waited
 * for as long as the indexer runs, with a line in the log saying what it waits for.
 */
final class StartupWaits {

    private static final Logger log = LoggerFactory.getLogger(StartupWaits.class);
    private static final Duration INDEX_RETRY = Duration.ofSeconds(2);
    private static final Duration TOPIC_POLL = Duration.ofMillis(100);

    private final BooleanSupplier running;

    /** @param running whether to go on waiting: false once the indexer is closed */
    StartupWaits(BooleanSupplier running) {
        this.running = running;
    }

    /**
     * Returns once the card index exists (creating it when missing), or the indexer is closed.
     *
     * @throws ElasticsearchAccessFailure when Elasticsearch refuses the indexer's user what it needs
     */
    void awaitIndex(ElasticsearchConnection elasticsearch, RequiredPrivileges needed, CardIndexVersions versions,
                    String alias) throws InterruptedException {
        while (running.getAsBoolean()) {
            try {
                elasticsearch.requireAccess(needed);
                versions.ensureExists();
                return;
            } catch (ElasticsearchAccessFailure e) {
                throw e;
            } catch (Exception e) {
                log.warn("cannot prepare index {} yet, retrying in {} s: {}", alias, INDEX_RETRY.toSeconds(),
                        e.getMessage());
                Thread.sleep(INDEX_RETRY.toMillis());
            }
        }
    }

    /** Returns once ingest has created the topic, or the indexer is closed; a consumer must never create it. */
    void awaitTopic(KafkaConsumer<?, ?> consumer, String topic) throws InterruptedException {
        boolean reported = false;
        while (running.getAsBoolean() && !exists(consumer, topic)) {
            if (!reported) {
                log.info("waiting for ingest to create topic {}", topic);
                reported = true;
            }
            Thread.sleep(TOPIC_POLL.toMillis());
        }
    }

    private static boolean exists(KafkaConsumer<?, ?> consumer, String topic) {
        try {
            return consumer.listTopics(TOPIC_POLL).containsKey(topic);
        } catch (org.apache.kafka.common.errors.TimeoutException kafkaNotReachableYet) {
            return false;
        }
    }
}
