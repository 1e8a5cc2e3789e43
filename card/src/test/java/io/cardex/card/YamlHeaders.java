package io.cardex.card;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Random card headers for fuzz tests: mappings of keys to text, lists and nested mappings,
 * written as YAML in block or flow style.
 */
final class YamlHeaders {

    /** Keys cardex reads (some as a Chinese card writes them), so that the field rules run too. */
    static final List<String> KNOWN_KEYS = List.of(
            "model-name", "backbone-name", "module-type", "fine-tunable", "model-version", "train-dataset",
            "evaluation", "accuracy", "author", "update-time", "repo-link", "user-id", "used-for", "train-backend",
            "infer-backend", "mindspore-version", "input-shape", "allow-cache-ckpt", "license", "summary", "asset",
            "file-format", "asset-link", "asset-sha256", "模型名称", "资源", "资源链接", "概述", "输入形状");
    /** Values the field rules have an opinion about. */
    static final List<String> FIELD_VALUES = List.of(
            "True", "false", "maybe", "cv", "cv-classification", "audio-x-y", "2022-10-11", "2023-2-30", "76.5",
            "1e400", "-", "acc80 | iou9.1", "100%-EER:98.73", "<https://gitee.com/a/b>", "https://evil.example/x",
            "inference/transfer-learning", "gpu/ascend/tpu", "ckpt", "onnx", "exe", "9dc18191",
            "9dc1819104c292fa88ad4868737fcd8c7fb7d4f7e368dc10610e71941a1571fa", "xyz!", "imagenet_cifar10",
            "voc2012", "Apache2.0", "1", "224");

    private static final int MAX_DEPTH = 3;
    private static final int MAX_SIZE = 4;

    private YamlHeaders() {
    }

    /**
     * Up to {@code maxSize} fields (at least {@code minSize}), each key drawn from {@code keys} and
     * each value from {@code values}.
     */
    static Map<String, Object> fields(Random random, int minSize, int maxSize, Function<Random, String> keys,
                                      Function<Random, Object> values) {
        int size = minSize + Fuzz.size(random, maxSize - minSize);
        Map<String, Object> fields = new LinkedHashMap<>();
        // A few keys from a short alphabet come up twice; drawing again is enough to fill the map.
        for (int tries = 0; fields.size() < size && tries < 10 * size; tries++) {
            fields.putIfAbsent(keys.apply(random), values.apply(random));
        }
        return fields;
    }

    /** Text, or lists and mappings of values, nested up to {@value #MAX_DEPTH} levels. */
    static Object value(Random random, Function<Random, String> keys, Function<Random, String> scalars) {
        return value(random, keys, scalars, random.nextInt(MAX_DEPTH + 1));
    }

    private static Object value(Random random, Function<Random, String> keys, Function<Random, String> scalars,
                                int depth) {
        if (depth == 0) {
            return scalars.apply(random);
        }
        Function<Random, Object> nested = r -> value(r, keys, scalars, depth - 1);
        return switch (random.nextInt(3)) {
            case 0 -> scalars.apply(random);
            case 1 -> {
                List<Object> list = new ArrayList<>();
                for (int i = Fuzz.size(random, MAX_SIZE); i > 0; i--) {
                    list.add(nested.apply(random));
                }
                yield list;
            }
            default -> fields(random, 0, MAX_SIZE, keys, nested);
        };
    }

    /**
     * The fields as a block mapping, one {@code key: value} per line; nested mappings are indented
     * blocks, list items are {@code - } lines, and collections inside lists are written in flow style.
     *
     * @param scalar writes a key or a text value as YAML: quoted, or as it is
     */
    static String block(Map<String, ?> fields, boolean flowValues, UnaryOperator<String> scalar) {
        StringBuilder yaml = new StringBuilder();
        fields.forEach((key, value) -> entry(yaml, "", key, value, flowValues, scalar));
        return yaml.toString();
    }

    private static void entry(StringBuilder yaml, String indent, String key, Object value, boolean flowValues,
                              UnaryOperator<String> scalar) {
        yaml.append(indent).append(scalar.apply(key)).append(':');
        if (value instanceof Map<?, ?> map && !map.isEmpty() && !flowValues) {
            yaml.append('\n');
            map.forEach((nestedKey, nested) ->
                    entry(yaml, indent + "  ", (String) nestedKey, nested, false, scalar));
        } else if (value instanceof List<?> list && !list.isEmpty() && !flowValues) {
            yaml.append('\n');
            list.forEach(item -> yaml.append(indent).append("- ").append(flow(item, scalar)).append('\n'));
        } else {
            yaml.append(' ').append(flow(value, scalar)).append('\n');
        }
    }

    static String flow(Object value, UnaryOperator<String> scalar) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(entry -> scalar.apply((String) entry.getKey()) + ": " + flow(entry.getValue(), scalar))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> flow(item, scalar)).collect(Collectors.joining(", ", "[", "]"));
        }
        return scalar.apply((String) value);
    }

    /**
     * The text as a YAML double-quoted scalar that reads back exactly: characters YAML does not
     * allow, or takes for line breaks, are escaped.
     */
    static String doubleQuoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                quoted.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0x2028 || c == 0x2029 || c == 0xFEFF
                    || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF) {
                quoted.append(String.format("\\u%04X", c));
            } else {
                quoted.appendCodePoint(c);
            }
        });
        return quoted.append('"').toString();
    }
}
