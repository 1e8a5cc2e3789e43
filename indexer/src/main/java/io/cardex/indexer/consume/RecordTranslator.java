package io.cardex.indexer.consume;

import io.cardex.card.event.CardChange;
import io.cardex.card.event.CardTopicRecord;
import io.cardex.card.event.ChangeEventCodec;
import io.cardex.card.event.UnreadableEventException;
import io.cardex.indexer.index.IndexAction;
import io.cardex.cardindex.CardDocument;
import io.cardex.cardindex.RepositoryDocument;
import java.time.Clock;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Turns a record of the card-changes topic into a write of the card index. The record's offset
 * is the document's external version: a card's changes all go to one partition, in order, so
 * its offsets grow with every change.
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
        // Offsets start at 0; Elasticsearch external versions are best kept positive.
        long version = record.offset() + 1;
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
}
