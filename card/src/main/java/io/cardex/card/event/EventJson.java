package io.cardex.card.event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.cardex.card.CardBody;
import io.cardex.card.CardexJson;
import java.io.IOException;

/**
 * The JSON of a change event of schema 4: cardex's one dialect ({@link CardexJson}), except that
 * a card's bodies (English and Chinese) are written as {@link EventBody}, each text once. Index
 * documents and API answers keep the sections' texts: only the event leaves them out.
 */
final class EventJson {

    private EventJson() {
    }

    static ObjectMapper newMapper() {
        SimpleModule bodies = new SimpleModule("cardex-event-bodies")
                .addSerializer(CardBody.class, new StdSerializer<>(CardBody.class) {
                    @Override
                    public void serialize(CardBody body, JsonGenerator generator, SerializerProvider provider)
                            throws IOException {
                        provider.defaultSerializeValue(EventBody.of(body), generator);
                    }
                })
                .addDeserializer(CardBody.class, new StdDeserializer<>(CardBody.class) {
                    @Override
                    public CardBody deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                        EventBody body = context.readValue(parser, EventBody.class);
                        try {
                            return body.toBody();
                        } catch (IllegalArgumentException e) {
                            throw JsonMappingException.from(parser, e.getMessage(), e);
                        }
                    }
                });
        return CardexJson.newMapper().registerModule(bodies);
    }
}
