package io.cardex.it.support;

import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import io.cardex.card.CardFile;
import io.cardex.card.CardId;
import io.cardex.card.CardKey;
import io.cardex.card.CardParser;
import io.cardex.card.CardRules;
import io.cardex.card.Language;
import io.cardex.card.event.CardChange;
import io.cardex.card.event.ChangeEvent;
import io.cardex.card.event.Operation;
import io.cardex.ingest.publish.ChangePublisher;
import io.cardex.cardindex.CardDocument;
import io.cardex.cardindex.CardIndexNames;
import io.cardex.cardindex.ElasticsearchConnection;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Many small cards changed in rounds, straight on the card-changes topic: version n of every
 * card says so in its summary, and every tenth card is deleted at the end. Fault tests publish
 * the rounds around what they inject, then compare the index with what the topic says last.
 */
public final class VersionedCards {

    private static final int DELETE_EVERY = 10;

    private final int cards;
    private final CardParser parser = new CardParser(CardRules.DEFAULT);

    public VersionedCards(int cards) {
        this.cards = cards;
    }

    /** Publishes version {@code version} of every card and waits until Kafka has it all. */
    public void publishVersion(ChangePublisher publisher, int version) throws Exception {
        for (int card = 0; card < cards; card++) {
            publisher.send(upsert(key(card), summary(card, version)));
        }
        publisher.awaitAcknowledged();
    }

    /** Publishes the deletion of every tenth card. */
    public void publishDeletions(ChangePublisher publisher) throws Exception {
        for (int card = 0; card < cards; card += DELETE_EVERY) {
            publisher.send(new CardChange.Deletion(key(card)));
        }
        publisher.awaitAcknowledged();
    }

    /** Card key -> summary the index must hold once version {@code last} and the deletions are written. */
    public Map<String, String> expectedSummaries(int last) {
        Map<String, String> expected = new HashMap<>();
        for (int card = 0; card < cards; card++) {
            if (card % DELETE_EVERY != 0) {
                expected.put(key(card).toString(), summary(card, last));
            }
        }
        return expected;
    }

    /** Card key -> summary of the cards the index holds. */
    public Map<String, String> storedSummaries(ElasticsearchConnection elasticsearch, CardIndexNames index)
            throws IOException {
        List<String> ids = IntStream.range(0, cards).mapToObj(card -> key(card).toString()).toList();
        MgetResponse<CardDocument> response = elasticsearch.client().mget(m -> m.index(index.alias()).ids(ids),
                CardDocument.class);
        Map<String, String> stored = new HashMap<>();
        for (MultiGetResponseItem<CardDocument> item : response.docs()) {
            if (item.isResult() && item.result().found()) {
                stored.put(item.result().id(), item.result().source().card().header().summary());
            }
        }
        return stored;
    }

    private static CardKey key(int card) {
        return CardKey.parse("hub/mindspore/1.9/model_" + card);
    }

    private static String summary(int card, int version) {
        return "version " + version + " of card " + card;
    }

    private CardChange.Upsert upsert(CardKey key, String summary) {
        CardId id = key.cardId();
        String text = "---\nmodel-name: " + id.value() + "\nsummary: " + summary + "\n---\nBody\n";
        String path = id.path(Language.EN);
        return new CardChange.Upsert(new ChangeEvent(ChangeEvent.SCHEMA_VERSION, UUID.randomUUID(), key.repository(),
                "main", "0123456789abcdef0123456789abcdef01234567", Instant.now(), "Ada <ada@example.com>", id,
                Operation.UPDATE, List.of(new ChangeEvent.SourceFile(path, Language.EN)),
                parser.parse(id, Optional.of(CardFile.of(path, text)), Optional.empty())));
    }
}
