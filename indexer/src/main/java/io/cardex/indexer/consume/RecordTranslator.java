package io.cardex.indexer.consume;

import io.cardex.card.event.CardChange;
import io.cardex.card.event.CardTopicRecord;
import io.cardex.card.event.ChangeEventCodec;
import io.cardex.card.event.ChangeVersionHeader;
import io.cardex.card.event.UnreadableEventException;
import io.cardex.indexer.index.IndexAction;
import io.cardex.cardindex.CardDocument;
import io.cardex.cardindex.RepositoryDocument;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Turns a record of the card-changes topic into a write of the card index. The document's
 * external version is the one ingest gave the record ({@link ChangeVersionHeader}): it grows with
 * every change of a card whatever partition the card's key lands on, so adding partitions, a
 * recreated topic or another cluster never make a newer change look stale.
 */
public final class RecordTranslator {

    private final ChangeEventCodec codec = new ChangeEventCodec();
    private final Clock clock;
    private final boolean verifyingAssets;

    /**
     * @param verifyingAssets whether the assets of the cards are checked after they are written:
     *                        they are {@code pending} then, {@code unchecked} otherwise
     */
    public RecordTranslator(Clock clock, boolean verifyingAssets) {
        this.clock = clock;
        this.verifyingAssets = verifyingAssets;
    }

    public IndexAction translate(ConsumerRecord<String, byte[]> record) throws UnreadableEventException {
        CardTopicRecord change = codec.decode(record.key(), record.value());
        long version = version(record);
        if (change instanceof CardChange.Upsert upsert) {
            CardDocument document = CardDocument.of(upsert.event(), clock.instant());
            return new IndexAction.Put(change.recordKey(), version,
                    verifyingAssets ? document : document.withAssetsUnchecked());
        }
        if (change instanceof CardTopicRecord.SkippedFiles skipped) {
            return new IndexAction.PutRepository(change.recordKey(), version,
                    RepositoryDocument.of(skipped.event()));
        }
        return new IndexAction.Remove(change.recordKey(), version);
    }

    /**
     * The record's version header, or, for a record an earlier ingest wrote without one, its
     * offset + 1 (versions are best kept positive): such a topic still indexes as it did, and
     * once ingest writes versions (the time in microseconds) they are far above any offset.
     *
     * @throws UnreadableEventException when the header is there but holds no version
     */
    private static long version(ConsumerRecord<String, byte[]> record) throws UnreadableEventException {
        Header header = record.headers().lastHeader(ChangeVersionHeader.NAME);
        return header == null ? record.offset() + 1 : ChangeVersionHeader.decode(header.value());
    }
}
