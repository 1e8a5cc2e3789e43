package io.cardex.store;

import io.cardex.card.Card;
import io.cardex.card.event.ChangeEvent;
import java.io.InputStream;
import java.time.Instant;

/**
 * A card as stored in the card index; its document id is the card key. The mapping of every
 * field is in {@code card-index-template.json} beside this class.
 *
 * @param indexedAt when the indexer wrote this version: the time field of the index in Kibana
 */
public record CardDocument(
        String key,
        String repository,
        String cardId,
        CardStatus status,
        CardSource source,
        Instant indexedAt,
        Card card) {

    /** The index template (settings and mappings) of the card index, as JSON. */
    public static InputStream indexTemplateJson() {
        return CardDocument.class.getResourceAsStream("card-index-template.json");
    }

    public static CardDocument of(ChangeEvent event, Instant indexedAt) {
        Card card = event.card();
        return new CardDocument(
                event.key().toString(),
                event.repository(),
                event.cardId().value(),
                card.isValid() ? CardStatus.VALID : CardStatus.INVALID,
                new CardSource(event.repository(), event.branch(), event.commit(), event.commitTime(),
                        event.commitAuthor(), event.path()),
                indexedAt,
                card);
    }
}
