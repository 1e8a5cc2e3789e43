package io.cardex.card.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardex.card.CardKey;
import io.cardex.card.CardexJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes and reads the records of the card-changes topic, shared by producer and consumer. */
public final class ChangeEventCodec {

    /** Reads events of schema 2 and 3, whose sections carry their texts, and repositories' records. */
    private final ObjectMapper json = CardexJson.newMapper();
    /** Writes and reads events of schema 4, whose sections point into the body's Markdown. */
    private final ObjectMapper eventJson = EventJson.newMapper();

    /** The record value: the event as JSON, or {@code null} (a tombstone) for a deletion. */
    public byte[] encodeValue(CardTopicRecord change) {
        try {
            if (change instanceof CardChange.Upsert upsert) {
                return eventJson.writeValueAsBytes(asWritten(upsert.event()));
            }
            if (change instanceof CardTopicRecord.SkippedFiles skipped) {
                return json.writeValueAsBytes(skipped.event());
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot write the record of " + change.recordKey(), e);
        }
        return null;
    }

    /**
     * The event as this code writes it: in the current schema whatever version it was read in,
     * since that is the layout written, and without what its card's text says (a paper page).
     */
    private static ChangeEvent asWritten(ChangeEvent event) {
        return new ChangeEvent(ChangeEvent.SCHEMA_VERSION, event.eventId(), event.repository(), event.branch(),
                event.commit(), event.commitTime(), event.commitAuthor(), event.cardId(), event.operation(), event.files(),
                EventCard.toEvent(event.card()));
    }

    public String encodeKey(CardTopicRecord change) {
        return change.recordKey();
    }

    /**
     * Reads a record back.
     *
     * @throws UnreadableEventException when the key or value is not a record this code
     *                                  understands (bad JSON, another schema version, key and
     *                                  value disagreeing)
     */
    public CardTopicRecord decode(String key, byte[] value) throws UnreadableEventException {
        if (key != null && !key.isEmpty() && CardKey.isRepositoryKey(key)) {
            return decodeSkippedFiles(key, value);
        }
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
            if (version < ChangeEvent.OLDEST_READABLE_SCHEMA_VERSION || version > ChangeEvent.SCHEMA_VERSION) {
                throw new UnreadableEventException("schema version " + version + " is not supported (this reader knows "
                        + ChangeEvent.OLDEST_READABLE_SCHEMA_VERSION + " to " + ChangeEvent.SCHEMA_VERSION
                        + "): ingest the repository again with a current cardex", null);
            }
            event = version < ChangeEvent.FIRST_SCHEMA_VERSION_HOLDING_TEXT_ONCE ? json.treeToValue(tree, ChangeEvent.class)
                    : readSchemaFour(tree);
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadableEventException("record value is not a change event: " + e.getMessage(), e);
        }
        requireComplete(event);
        if (!event.key().equals(cardKey)) {
            throw new UnreadableEventException("record key " + key + " does not match the event's card " + event.key(), null);
        }
        return new CardChange.Upsert(event);
    }

    /** An event whose sections are spans of their body and whose paper page is read from its body. */
    private ChangeEvent readSchemaFour(JsonNode tree) throws IOException {
        ChangeEvent event = eventJson.treeToValue(tree, ChangeEvent.class);
        return event.card() == null ? event : event.withCard(EventCard.fromEvent(event.card()));
    }

    /**
     * Refuses an event that is valid JSON of the right schema but lacks what every event has:
     * anyone who can write to the topic can send one, and the indexer must dead-letter it, not
     * stop on it.
     */
    private static void requireComplete(ChangeEvent event) throws UnreadableEventException {
        Map<String, Object> required = new LinkedHashMap<>();
        required.put("event_id", event.eventId());
        required.put("repository", event.repository());
        required.put("branch", event.branch());
        required.put("commit", event.commit());
        required.put("card_id", event.cardId());
        required.put("operation", event.operation());
        required.put("card", event.card());
        List<String> missing = required.entrySet().stream().filter(field -> field.getValue() == null)
                .map(Map.Entry::getKey).toList();
        if (!missing.isEmpty()) {
            throw new UnreadableEventException("record value is an incomplete change event: it has no "
                    + String.join(", ", missing), null);
        }
        try {
            CardKey.requireValidRepositoryName(event.repository());
        } catch (IllegalArgumentException e) {
            throw new UnreadableEventException("record value is not a change event: " + e.getMessage(), e);
        }
    }

    /** A repository's own record: its key is the repository name, which no card key can be. */
    private CardTopicRecord decodeSkippedFiles(String key, byte[] value) throws UnreadableEventException {
        if (value == null) {
            throw new UnreadableEventException("record " + key + " of a repository has no value", null);
        }
        SkippedFilesEvent event;
        try {
            JsonNode tree = json.readTree(value);
            int version = tree.path("schema_version").asInt(-1);
            String kind = tree.path("kind").asText();
            if (!SkippedFilesEvent.KIND.equals(kind) || version != SkippedFilesEvent.SCHEMA_VERSION) {
                throw new UnreadableEventException("repository record of kind '" + kind + "', schema version " + version
                        + " is not supported (this reader knows " + SkippedFilesEvent.KIND + " version "
                        + SkippedFilesEvent.SCHEMA_VERSION + ")", null);
            }
            event = json.treeToValue(tree, SkippedFilesEvent.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadableEventException("record value is not a skipped-files event: " + e.getMessage(), e);
        }
        if (!event.repository().equals(key)) {
            throw new UnreadableEventException("record key " + key + " does not match the event's repository "
                    + event.repository(), null);
        }
        return new CardTopicRecord.SkippedFiles(event);
    }
}
