package io.cardex.card.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardex.card.CardKey;
import io.cardex.card.CardexJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Writes and reads the records of the card-changes topic, shared by producer and consumer. */
public final class ChangeEventCodec {

    private final ObjectMapper json = CardexJson.newMapper();

    /** The record value: the event as JSON, or {@code null} (a tombstone) for a deletion. */
    public byte[] encodeValue(CardChange change) {
        if (change instanceof CardChange.Upsert upsert) {
            try {
                return json.writeValueAsBytes(upsert.event());
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException("cannot write change event for " + change.key(), e);
            }
        }
        return null;
    }

    public String encodeKey(CardKey key) {
        return key.toString();
    }

    /**
     * Reads a record back.
     *
     * @throws UnreadableEventException when the key or value is not a change event this code
     *                                  understands (bad JSON, another schema version, key and
     *                                  value disagreeing)
     */
    public CardChange decode(String key, byte[] value) throws UnreadableEventException {
        CardKey cardKey;
        try {
            cardKey = CardKey.parse(key == null ? "" : key);
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException("record key is not a card key: " + e.getMessage(), e);
        }
        if (value == null) {
            return new CardChange.Deletion(cardKey);
        }
        ChangeEvent event;
        try {
            JsonNode tree = json.readTree(value);
            int version = tree.path("schema_version").asInt(-1);
            if (version != ChangeEvent.SCHEMA_VERSION) {
                throw new UnreadableEventException("schema version " + version + " is not supported (this reader knows "
                        + ChangeEvent.SCHEMA_VERSION + "): ingest the repository again with a current cardex", null);
            }
            event = json.treeToValue(tree, ChangeEvent.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadableEventException("record value is not a change event: " + e.getMessage(), e);
        }
        if (!event.key().equals(cardKey)) {
            throw new UnreadableEventException("record key " + key + " does not match the event's card " + event.key(), null);
        }
        return new CardChange.Upsert(event);
    }
}
