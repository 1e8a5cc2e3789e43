package io.cardex.api.search;

import co.elastic.clients.json.JsonpDeserializer;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.json.jackson.JacksonJsonpParser;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Elasticsearch's answer to the versions request of {@link ModelGrouping} straight from its
 * JSON, by model: each model's bucket, its newest card as a tree, its versions as {@link ModelVersion}s.
 *
 * <p>The Elasticsearch client's typed parser copies every hit's {@code _source} (up to a hundred
 * versions per model, ten models a page) into a buffer, to be parsed again when it is read, and
 * reads the rest of the answer (shards, totals, sort values, scores) into objects nobody looks at.
 * Reading the answer once, skipping what is not served, takes a fraction of that CPU time.
 */
final class VersionsAnswer implements JsonpDeserializer<Map<String, FoundVersions>> {

    /** The model buckets' aggregation, its name as the client's {@code typed_keys} answers it. */
    private final String models;
    private final String newest;
    private final String versions;

    VersionsAnswer(String models, String newest, String versions) {
        this.models = "sterms#" + models;
        this.newest = "top_hits#" + newest;
        this.versions = "top_hits#" + versions;
    }

    @Override
    public EnumSet<jakarta.json.stream.JsonParser.Event> nativeEvents() {
        return EnumSet.of(jakarta.json.stream.JsonParser.Event.START_OBJECT);
    }

    @Override
    public EnumSet<jakarta.json.stream.JsonParser.Event> acceptedEvents() {
        return nativeEvents();
    }

    @Override
    public Map<String, FoundVersions> deserialize(jakarta.json.stream.JsonParser parser, JsonpMapper mapper,
                                                  jakarta.json.stream.JsonParser.Event event) {
        // The connection reads every answer with Jackson (ElasticsearchConnection): its parser is the answer's.
        JsonParser json = ((JacksonJsonpParser) parser).jacksonParser();
        ObjectMapper objects = ((JacksonJsonpMapper) mapper).objectMapper();
        try {
            Map<String, FoundVersions> found = new HashMap<>();
            onField(json, "aggregations", () -> onField(json, models, () -> onField(json, "buckets", () -> {
                while (json.nextToken() == JsonToken.START_OBJECT) {
                    readBucket(json, objects, found);
                }
            })));
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch's answer to the versions of a page cannot be read", e);
        }
    }

    private void readBucket(JsonParser json, ObjectMapper objects, Map<String, FoundVersions> found) throws IOException {
        String[] key = new String[1];
        long[] count = new long[1];
        List<Hit> newestHits = new ArrayList<>();
        List<ModelVersion> listed = new ArrayList<>();
        forEachField(json, field -> {
            if (field.equals("key")) {
                key[0] = json.getValueAsString();
            } else if (field.equals("doc_count")) {
                count[0] = json.getLongValue();
            } else if (field.equals(newest)) {
                readHits(json, () -> newestHits.add(readNewest(json, objects)));
            } else if (field.equals(versions)) {
                readHits(json, () -> listed.add(readVersion(json, objects)));
            } else {
                json.skipChildren();
            }
        });
        Hit first = newestHits.get(0);
        found.put(key[0], new FoundVersions(count[0], first.card(), first.highlights(), listed));
    }

    /** The hits of a top hits aggregation, each read by {@code hit} from its opening brace. */
    private static void readHits(JsonParser json, Step hit) throws IOException {
        onField(json, "hits", () -> onField(json, "hits", () -> {
            while (json.nextToken() == JsonToken.START_OBJECT) {
                hit.run();
            }
        }));
    }

    private static Hit readNewest(JsonParser json, ObjectMapper objects) throws IOException {
        ObjectNode[] card = new ObjectNode[1];
        // A HashMap, as the client's typed hits have it: the passages are served in the order they always were.
        Map<String, List<String>> highlights = new HashMap<>();
        forEachField(json, field -> {
            if (field.equals("_source")) {
                card[0] = objects.readTree(json);
            } else if (field.equals("highlight")) {
                forEachField(json, highlighted -> {
                    List<String> passages = new ArrayList<>();
                    while (json.nextToken() == JsonToken.VALUE_STRING) {
                        passages.add(json.getText());
                    }
                    highlights.put(highlighted, passages);
                });
            } else {
                json.skipChildren();
            }
        });
        return new Hit(new StoredCard(card[0]), highlights);
    }

    private static ModelVersion readVersion(JsonParser json, ObjectMapper objects) throws IOException {
        ModelVersion[] version = new ModelVersion[1];
        onField(json, "_source", () -> version[0] = ModelVersion.of(objects.readValue(json, ModelVersion.Stored.class)));
        return version[0];
    }

    /** Calls {@code value} with the parser on the value of the field {@code name} of the object at hand, skipping the others. */
    private static void onField(JsonParser json, String name, Step value) throws IOException {
        forEachField(json, field -> {
            if (field.equals(name)) {
                value.run();
            } else {
                json.skipChildren();
            }
        });
    }

    /**
     * Calls {@code field} with the parser on each field's value of the object at hand, to its
     * closing brace; a value that is no object (null) has no field.
     */
    private static void forEachField(JsonParser json, Field field) throws IOException {
        if (json.currentToken() != JsonToken.START_OBJECT) {
            json.skipChildren();
            return;
        }
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String name = json.currentName();
            json.nextToken();
            field.read(name);
        }
    }

    private record Hit(StoredCard card, Map<String, List<String>> highlights) {
    }

    private interface Field {
        void read(String name) throws IOException;
    }

    private interface Step {
        void run() throws IOException;
    }
}
