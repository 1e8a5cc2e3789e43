package io.cardex.indexer.fill;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.cardex.cardindex.BulkFillSettings;
import io.cardex.cardindex.CardIndexVersions;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the index behind the alias its bulk-fill settings ({@link BulkFillSettings}) while this
 * indexer fills it from far behind, which happens when ingest's first snapshot goes into an index
 * that was empty when the indexer started, and its live settings back once the indexer has read
 * everything. An index an indexer left relaxed when it stopped during a fill gets its live
 * settings back as soon as the next one has caught up, so refresh is never left off for good.
 *
 * <p>How far behind it is, is asked of Kafka: the end offsets of the partitions assigned to this
 * indexer against its positions in them, plus the changes waiting for Elasticsearch. The consumer's
 * own lag would be free, but it is known only once fetches have answered, and by then a fill of a
 * few thousand changes is mostly read. Each indexer of a group decides from its own partitions;
 * the first to catch up gives the index its live settings back while others may still be filling
 * (they then fill with refresh on, slower but correct), and restoring twice is harmless, so no
 * indexer has to know of the others.
 */
public final class FirstFill {

    private static final Logger log = LoggerFactory.getLogger(FirstFill.class);
    /**
     * Changes not written yet (not read, or read and waiting for Elasticsearch) beyond which an
     * empty index is being filled in bulk: a few bulk requests' worth.
     */
    static final long FAR_BEHIND = 2_000;
    /**
     * How often Kafka is asked for the end offsets while the fill may start or runs: often enough
     * that the index is live again soon after the last change, rarely enough to cost Kafka nothing.
     */
    private static final Duration CHECK_EVERY = Duration.ofMillis(250);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);
    /** How long to wait before asking Elasticsearch or Kafka again after it failed to answer. */
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
    // Read by the bulk writer's thread too (fillingInBulk).
    private volatile State state = State.UNKNOWN;
    private String index;
    private long recordsRead;
    private long nextCheckNanos = System.nanoTime();

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
        if (state == State.LIVE || System.nanoTime() - nextCheckNanos < 0) {
            return;
        }
        nextCheckNanos = System.nanoTime() + CHECK_EVERY.toNanos();
        try {
            step(consumer, unacknowledged);
        } catch (WakeupException stopping) {
            throw stopping;
        } catch (IOException | RuntimeException e) {
            log.warn("cannot tell whether the card index is being filled in bulk now, trying again in {} s: {}",
                    RETRY.toSeconds(), e.getMessage());
            nextCheckNanos = System.nanoTime() + RETRY.toNanos();
        }
    }

    private void step(Consumer<?, ?> consumer, int unacknowledged) throws IOException {
        if (state == State.UNKNOWN) {
            index = versions.current();
            state = settings.isRelaxed(index) ? State.FILLING
                    : client.count(c -> c.index(index)).count() == 0 ? State.MAY_FILL : State.LIVE;
        }
        if (state == State.LIVE || consumer.assignment().isEmpty()) {
            return;
        }
        long behind = unread(consumer) + unacknowledged;
        if (state == State.MAY_FILL && behind >= FAR_BEHIND) {
            log.info("{} changes to write into the empty index {}: filling it in bulk", behind, index);
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

    /** Whether the index is being filled in bulk now, with refresh off until it is complete. */
    public boolean fillingInBulk() {
        return state == State.FILLING;
    }

    /** The changes not read yet in the partitions assigned to this consumer, as Kafka has them now. */
    private static long unread(Consumer<?, ?> consumer) {
        Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, KAFKA_TIMEOUT);
        long total = 0;
        for (TopicPartition partition : assigned) {
            total += Math.max(0, ends.get(partition) - consumer.position(partition, KAFKA_TIMEOUT));
        }
        return total;
    }
}
