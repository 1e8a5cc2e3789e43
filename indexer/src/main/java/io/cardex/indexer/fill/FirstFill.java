package io.cardex.indexer.fill;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.cardex.cardindex.BulkFillSettings;
import io.cardex.cardindex.CardIndexVersions;
import java.io.IOException;
import java.time.Duration;
import java.util.OptionalLong;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the index behind the alias its bulk-fill settings ({@link BulkFillSettings}) while this
 * indexer fills it from far behind, which happens when ingest's first snapshot goes into an index
 * that was empty when the indexer started, and its live settings back once the indexer has read
 * everything. An index an indexer left relaxed when it stopped during a fill gets its live
 * settings back as soon as the next one has caught up, so refresh is never left off for good.
 */
public final class FirstFill {

    private static final Logger log = LoggerFactory.getLogger(FirstFill.class);
    /**
     * Changes not written yet (not read, or read and waiting for Elasticsearch) beyond which an
     * empty index is being filled in bulk: a few bulk requests' worth.
     */
    static final long FAR_BEHIND = 2_000;
    /** How long to wait before asking Elasticsearch again after it failed to answer. */
    private static final Duration RETRY = Duration.ofSeconds(5);

    private enum State {
        /** Not known yet: the index has not been looked at. */
        UNKNOWN,
        /** Empty when the indexer started, and not far behind yet. */
        MAY_FILL,
        FILLING,
        LIVE
    }

    private final BulkFillSettings settings;
    private final CardIndexVersions versions;
    private final ElasticsearchClient client;
    private State state = State.UNKNOWN;
    private String index;
    private long recordsRead;
    private long retryAtNanos = System.nanoTime();

    public FirstFill(ElasticsearchClient client, CardIndexVersions versions) {
        this.settings = new BulkFillSettings(client);
        this.versions = versions;
        this.client = client;
    }

    /**
     * Called by the indexing loop after each poll, with the records it returned and the changes
     * waiting for Elasticsearch: relaxes the index or restores it as the changes not written yet say.
     */
    public void polled(Consumer<?, ?> consumer, int records, int unacknowledged) {
        recordsRead += records;
        if (state == State.LIVE || System.nanoTime() - retryAtNanos < 0) {
            return;
        }
        try {
            step(consumer, unacknowledged);
        } catch (IOException | RuntimeException e) {
            log.warn("cannot change the settings of the card index now, trying again in {} s: {}",
                    RETRY.toSeconds(), e.getMessage());
            retryAtNanos = System.nanoTime() + RETRY.toNanos();
        }
    }

    private void step(Consumer<?, ?> consumer, int unacknowledged) throws IOException {
        if (state == State.UNKNOWN) {
            index = versions.current();
            state = settings.isRelaxed(index) ? State.FILLING
                    : client.count(c -> c.index(index)).count() == 0 ? State.MAY_FILL : State.LIVE;
        }
        OptionalLong lag = lag(consumer);
        if (lag.isEmpty()) {
            return;
        }
        long behind = lag.getAsLong() + unacknowledged;
        if (state == State.MAY_FILL && behind >= FAR_BEHIND) {
            settings.relax(index);
            state = State.FILLING;
        } else if (state == State.FILLING && behind == 0) {
            settings.restore(index);
            state = State.LIVE;
        } else if (state == State.MAY_FILL && behind == 0 && recordsRead > 0) {
            // Caught up without ever being far behind: what comes next is live traffic.
            state = State.LIVE;
        }
    }

    /** The changes not read yet in the partitions this consumer reads; empty while one is not known. */
    private static OptionalLong lag(Consumer<?, ?> consumer) {
        if (consumer.assignment().isEmpty()) {
            return OptionalLong.empty();
        }
        long total = 0;
        for (TopicPartition partition : consumer.assignment()) {
            OptionalLong lag = consumer.currentLag(partition);
            if (lag.isEmpty()) {
                return OptionalLong.empty();
            }
            total += lag.getAsLong();
        }
        return OptionalLong.of(total);
    }
}
