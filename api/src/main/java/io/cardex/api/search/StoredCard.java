package io.cardex.api.search;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.NameTransformer;
import io.cardex.cardindex.CardDocument;
import java.io.IOException;
import java.util.Map;

/**
 * A card found, as Elasticsearch stores it (a {@link CardDocument} written by the indexer), less
 * what {@link ServedFields#CARD_FOUND} leaves out, served as it was read. A page of models holds
 * a card of some kilobytes per hit: reading each into a {@link CardDocument} only to write it out
 * again unchanged was a third of the API's CPU time for a search.
 */
@JsonSerialize(using = StoredCard.Fields.class)
public record StoredCard(ObjectNode fields) {

    /** Writes the card's fields as an object, or into the enclosing one where the card is {@code @JsonUnwrapped}. */
    static final class Fields extends StdSerializer<StoredCard> {

        private final boolean unwrapping;

        Fields() {
            this(false);
        }

        private Fields(boolean unwrapping) {
            super(StoredCard.class);
            this.unwrapping = unwrapping;
        }

        @Override
        public JsonSerializer<StoredCard> unwrappingSerializer(NameTransformer unwrapper) {
            return new Fields(true);
        }

        @Override
        public boolean isUnwrappingSerializer() {
            return unwrapping;
        }

        @Override
        public void serialize(StoredCard card, JsonGenerator json, SerializerProvider provider) throws IOException {
            if (!unwrapping) {
                json.writeStartObject();
            }
            for (Map.Entry<String, JsonNode> field : card.fields().properties()) {
                json.writeFieldName(field.getKey());
                field.getValue().serialize(json, provider);
            }
            if (!unwrapping) {
                json.writeEndObject();
            }
        }
    }
}
