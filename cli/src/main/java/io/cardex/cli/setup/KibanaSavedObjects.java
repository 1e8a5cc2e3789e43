package io.cardex.cli.setup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cardex.cardindex.CardIndexNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * cardex's Kibana saved objects: a data view on the card index (time field {@code indexed_at}),
 * the visualizations of the dashboard "cardex: card index" and a saved search of the invalid
 * cards, as Kibana exports them (NDJSON, one object a line), in {@code cardex-kibana.ndjson}
 * beside this class.
 */
public final class KibanaSavedObjects {

    public static final String RESOURCE = "cardex-kibana.ndjson";
    /** The id of the dashboard, for its URL: {@code /app/dashboards#/view/cardex-overview}. */
    public static final String DASHBOARD_ID = "cardex-overview";

    private static final ObjectMapper JSON = new ObjectMapper();

    private KibanaSavedObjects() {
    }

    /** The saved objects as kept in the jar, one JSON object a line. */
    public static List<ObjectNode> read() {
        try (InputStream in = KibanaSavedObjects.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the cardex jar");
            }
            List<ObjectNode> objects = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    objects.add((ObjectNode) JSON.readTree(line));
                }
            }
            return objects;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The saved objects as NDJSON, the data view looking at {@code index}'s alias. */
    public static byte[] ndjsonFor(CardIndexNames index) {
        StringBuilder ndjson = new StringBuilder();
        for (ObjectNode object : read()) {
            if (object.path("type").asText().equals("index-pattern")) {
                ((ObjectNode) object.get("attributes")).put("title", index.alias());
            }
            ndjson.append(object).append('\n');
        }
        return ndjson.toString().getBytes(StandardCharsets.UTF_8);
    }
}
