package io.cardex.indexer.consume;

import static io.cardex.card.Fuzz.between;
import static io.cardex.card.Fuzz.listOf;
import static io.cardex.card.Fuzz.oneOf;
import static io.cardex.card.Fuzz.pick;
import static io.cardex.card.Fuzz.weighted;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cardex.card.CardFile;
import io.cardex.card.CardId;
import io.cardex.card.CardParser;
import io.cardex.card.CardRules;
import io.cardex.card.Fuzz;
import io.cardex.card.Language;
import io.cardex.card.SkipReason;
import io.cardex.card.SkippedFile;
import io.cardex.card.event.CardChange;
import io.cardex.card.event.CardTopicRecord;
import io.cardex.card.event.ChangeEvent;
import io.cardex.card.event.ChangeEventCodec;
import io.cardex.card.event.Operation;
import io.cardex.card.event.SkippedFilesEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.Random;

/**
 * Generators of card-changes records that anyone who can reach Kafka could write: keys of any
 * shape, values that are no JSON, JSON of any shape, and real change events and skipped-files
 * records with fields removed, nulled, retyped or given odd values.
 */
final class HostileRecords {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ChangeEventCodec CODEC = new ChangeEventCodec();
    private static final CardId CARD = new CardId("mindspore/1.9/refinenet_voc2012");
    private static final CardChange.Upsert UPSERT = new CardChange.Upsert(refinenetEvent());
    private static final CardTopicRecord.SkippedFiles SKIPPED = new CardTopicRecord.SkippedFiles(SkippedFilesEvent.of(
            "examples", "main", "0123456789abcdef0123456789abcdef01234567", Instant.parse("2026-11-25T10:15:30Z"),
            List.of(new SkippedFile("README.md", SkipReason.values()[0]),
                    new SkippedFile("mindspore/notes.txt", SkipReason.values()[SkipReason.values().length - 1]))));

    private HostileRecords() {
    }

    /** A record as the indexer polls it: its key and value, either of which may be missing. */
    record HostileRecord(String key, byte[] value, String how) {
        @Override
        public String toString() {
            String shown = value == null ? "null" : new String(value, StandardCharsets.UTF_8);
            return how + ": key " + (key == null ? "null" : "'" + key + "'") + ", value "
                    + (shown.length() > 800 ? shown.substring(0, 800) + "… (" + value.length + " bytes)" : shown);
        }
    }

    static HostileRecord record(Random random) {
        return oneOf(random,
                weighted(5, r -> mutated(r, UPSERT, CODEC.encodeKey(UPSERT))),
                weighted(2, r -> mutated(r, SKIPPED, CODEC.encodeKey(SKIPPED))),
                weighted(2, r -> new HostileRecord(key(r), jsonValue(r).getBytes(StandardCharsets.UTF_8), "any JSON")),
                weighted(1, r -> new HostileRecord(key(r), Fuzz.anyBytes(r, 64), "any bytes")),
                weighted(1, r -> new HostileRecord(key(r), null, "a tombstone")));
    }

    /** A real record whose JSON had fields removed, nulled or changed, under its own key or another. */
    private static HostileRecord mutated(Random random, CardTopicRecord original, String ownKey) {
        String recordKey = random.nextInt(5) < 4 ? ownKey : key(random);
        List<Mutation> mutations = listOf(random, 1, 4, r -> new Mutation(between(r, 0, 10_000),
                pick(r, List.of(Mutation.Kind.values())), jsonValue(r)));
        JsonNode copy = readTree(CODEC.encodeValue(original));
        mutations.forEach(mutation -> mutation.applyTo(copy));
        return new HostileRecord(recordKey, write(copy), "mutated " + mutations);
    }

    /**
     * One change to a JSON tree: the node it picks (the {@code pick}-th of all the tree's fields
     * and items, wrapped around) is removed, nulled or replaced with another JSON value.
     */
    record Mutation(int pick, Kind kind, String replacement) {

        enum Kind { REMOVE, NULL, REPLACE, EMPTY_STRING }

        void applyTo(JsonNode root) {
            List<Slot> slots = new ArrayList<>();
            collect(root, slots);
            if (slots.isEmpty()) {
                return;
            }
            Slot slot = slots.get(pick % slots.size());
            JsonNode value = switch (kind) {
                case REMOVE -> null;
                case NULL -> JsonNodeFactory.instance.nullNode();
                case EMPTY_STRING -> JsonNodeFactory.instance.textNode("");
                case REPLACE -> readTree(replacement.getBytes(StandardCharsets.UTF_8));
            };
            slot.set(value);
        }

        private static void collect(JsonNode node, List<Slot> slots) {
            if (node instanceof ObjectNode object) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    slots.add(new Slot(object, field.getKey(), -1));
                    collect(field.getValue(), slots);
                }
            } else if (node instanceof ArrayNode array) {
                for (int index = 0; index < array.size(); index++) {
                    slots.add(new Slot(array, null, index));
                    collect(array.get(index), slots);
                }
            }
        }

        @Override
        public String toString() {
            return kind == Kind.REPLACE ? "node " + pick + " replaced by " + replacement : kind + " of node " + pick;
        }
    }

    /** A field of an object or an item of an array, to replace or remove. */
    private record Slot(ContainerNode<?> parent, String field, int index) {
        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                if (value == null) {
                    object.remove(field);
                } else {
                    object.set(field, value);
                }
            } else if (parent instanceof ArrayNode array) {
                if (value == null) {
                    array.remove(index);
                } else {
                    array.set(index, value);
                }
            }
        }
    }

    /** Record keys: card keys, repository keys, and keys no writer makes; now and then none. */
    static String key(Random random) {
        if (random.nextInt(20) == 0) {
            return null;
        }
        return random.nextBoolean()
                ? pick(random, List.of("", "/", "//", "examples", "examples/", "/mindspore/1.9/x", "examples/../etc/passwd",
                        "examples/mindspore/1.9/refinenet_voc2012", "other/mindspore/1.9/refinenet_voc2012",
                        "Examples/a", "examples/a b/c", "examples/\u0000/c", "examples/模型/卡片", "x".repeat(10_000),
                        "examples/mindspore/1.9/refinenet_voc2012.md", "examples/a//b"))
                : Fuzz.charsOf(random, "abc/._-: \u0000模", 30);
    }

    private static final List<String> JSON_SCALARS = List.of("null", "true", "false", "0", "-1", "2", "3", "4",
            "2147483648", "1e400", "-0.0", "1.5", "\"\"", "\"x\"", "\"2026-13-45T99:99:99Z\"", "\"not-a-uuid\"",
            "\"11111111-2222-3333-4444-555555555555\"", "\"EN\"", "\"zh\"", "\"create\"", "\"DELETE\"",
            "\"model\"", "\"paper\"", "\"\\u0000\"", "\"\\ud800\"", "\"mindspore/1.9/refinenet_voc2012\"",
            "\"../../etc\"", "\"" + "x".repeat(5_000) + "\"", "{}", "[]", "[null]", "{\"\": null}",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]",
            "[".repeat(2_000) + "]".repeat(2_000), "{\"a\":".repeat(1_500) + "1" + "}".repeat(1_500));
    private static final List<String> JSON_FIELDS = List.of("schema_version", "card", "files", "card_id",
            "repository", "kind", "problems", "header", "a");

    /** JSON texts of any shape, odd numbers and strings included, a few of them nested deep. */
    static String jsonValue(Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> pick(random, JSON_SCALARS);
            case 1 -> "{" + String.join(", ", listOf(random, 0, 4,
                    r -> "\"" + pick(r, JSON_FIELDS) + "\": " + pick(r, JSON_SCALARS))) + "}";
            default -> "[" + String.join(", ", listOf(random, 0, 4, r -> pick(r, JSON_SCALARS))) + "]";
        };
    }

    private static ChangeEvent refinenetEvent() {
        String english = CARD.path(Language.EN);
        String chinese = CARD.path(Language.ZH);
        return new ChangeEvent(ChangeEvent.SCHEMA_VERSION, UUID.fromString("5b0f7c2e-6a1d-4e8b-9c3f-2d7e1a4b6c80"),
                "examples", "main", "0123456789abcdef0123456789abcdef01234567", Instant.parse("2026-11-25T10:15:30Z"),
                "Ada <ada@example.com>", CARD, Operation.UPDATE, List.of(new ChangeEvent.SourceFile(english, Language.EN),
                        new ChangeEvent.SourceFile(chinese, Language.ZH)),
                new CardParser(CardRules.DEFAULT).parse(CARD, Optional.of(fixture(english, "refinenet_voc2012.md")),
                        Optional.of(fixture(chinese, "refinenet_voc2012_cn.md"))));
    }

    private static CardFile fixture(String path, String name) {
        try (InputStream in = HostileRecords.class.getResourceAsStream("/cards/" + name)) {
            byte[] bytes = in.readAllBytes();
            return new CardFile(path, bytes, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads JSON the generators wrote; a text that is none stays text, as a string node. */
    private static JsonNode readTree(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JsonNodeFactory.instance.textNode(new String(json, StandardCharsets.UTF_8));
        }
    }

    private static byte[] write(JsonNode tree) {
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
