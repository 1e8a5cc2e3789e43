package io.cardex.card.hostile;

import static io.cardex.card.Fuzz.between;
import static io.cardex.card.Fuzz.listOf;
import static io.cardex.card.Fuzz.oneOf;
import static io.cardex.card.Fuzz.pick;
import static io.cardex.card.Fuzz.weighted;
import static java.nio.charset.StandardCharsets.UTF_8;

import io.cardex.card.Fuzz;
import java.io.ByteArrayOutputStream;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Generators of card files written to break a reader: YAML headers with duplicate keys at any
 * depth, anchors and aliases, deep nesting, huge and explicit keys, odd scalars and tags, wrapped
 * in BOMs, CRLF line ends, missing or extra {@code ---} and binary junk, above random Markdown.
 */
final class HostileCards {

    /** Keys drawn from a small pool, so that a mapping often holds one twice. */
    private static final List<String> KEYS = List.of("model-name", "asset", "asset-link", "asset-sha256",
            "file-format", "module-type", "train-dataset", "evaluation", "summary", "update-time", "featured-image",
            "a", "b", "<<", "\"model-name\"", "'asset'", "model_name", "模型名称", "key with spaces", "-", "?", "~",
            "null", "true", "1.9", "0x1F");
    private static final List<String> ODD_SCALARS = List.of("~", "null", "Null", ".nan", ".inf", "-.Inf", "0x1F",
            "0o17", "0b101", "1e999", "-0", "+12_345", "yes", "No", "on", "2022-13-45", "2022-10-11T25:61:61Z",
            "1:20:30", "!!binary AAAA", "!!binary ****", "!!int abc", "!!float x", "!!timestamp soon",
            "!!python/object:os.system", "!custom tagged", "!<tag:yaml.org,2002:str> text", "'single ''quoted'''",
            "\"escapes \\x41 \\u00e9 \\ud800 \\U0001F600 \\0\"", "\"unterminated", "'unterminated", "*undefined",
            "& lonely", "@reserved", "`backtick", "%directive", "acc80", "top1:75.2%", "https://example.com/a.ckpt",
            "javascript:alert(1)", "<script>x</script>", "模型", "😀", "\u202Eright-to-left", "\u0000", "\u0007",
            "a: b: c", "[unclosed", "{unclosed", "]", "}", "- dash", "# not a comment", "value # comment",
            "：full-width colon", "\t tab", "\\", "|", ">", "|-", ">+", "---", "...");

    private HostileCards() {
    }

    /** A card file: a hostile header and a random Markdown body, wrapped and spoiled at random. */
    static HostileCard card(Random random) {
        String header = oneOf(random,
                weighted(6, r -> block(r, 3)), weighted(2, r -> "root: " + flowValue(r, 3) + "\n"),
                weighted(1, HostileCards::deepNesting), weighted(1, HostileCards::aliasFanOut),
                weighted(1, HostileCards::hugeKey), weighted(1, HostileCards::explicitKeys),
                weighted(1, r -> Fuzz.anyChars(r, 500)));
        return new HostileCard(header, markdown(random), pick(random, List.of(Wrapping.values())),
                pick(random, List.of("\n", "\n", "\r\n", "\r")), junk(random));
    }

    /** A block mapping of at most {@code depth} levels, keys from {@link #KEYS} or made up. */
    static String block(Random random, int depth) {
        return String.join("", listOf(random, 1, 5, r -> entry(r, depth)));
    }

    private static String entry(Random random, int depth) {
        String k = random.nextBoolean() ? pick(random, KEYS) : anyWord(random);
        String a = pick(random, List.of("", "", "", "&a ", "&b ", "&a1 ", "!!map ", "!!seq ", "!!str "));
        String v = depth <= 0 ? " " + scalar(random) + "\n"
                : oneOf(random,
                        weighted(5, r -> " " + scalar(r) + "\n"),
                        weighted(2, r -> "\n" + indented(block(r, depth - 1), "  ")),
                        weighted(2, r -> sequence(r, depth - 1)),
                        weighted(2, r -> " " + flowValue(r, depth - 1) + "\n"),
                        weighted(1, r -> pick(r, List.of(" *a\n", " *b\n", " *a1\n", "\n  <<: *a\n"))),
                        weighted(1, r -> pick(r, List.of(" |\n  literal\n   text\n", " >-\n  folded\n\n  text\n",
                                " |2\n bad indentation\n", " \"multi\n  line\"\n"))));
        boolean isExplicit = random.nextInt(5) == 0;
        return isExplicit
                ? "? " + k + "\n:" + (v.startsWith("\n") ? v : " " + a + v.substring(1))
                : k + ":" + (v.startsWith(" ") ? " " + a + v.substring(1) : " " + a.strip() + v);
    }

    private static String sequence(Random random, int depth) {
        List<String> items = listOf(random, 0, 3, r -> depth <= 0 ? scalar(r) : oneOf(r,
                weighted(1, HostileCards::scalar), weighted(1, r2 -> flowValue(r2, depth)),
                weighted(1, r2 -> indented(block(r2, depth), "  ").strip())));
        return "\n" + String.join("", items.stream().map(one -> "  - " + one + "\n").toList());
    }

    /** A flow collection, {@code [a, {b: c}]}, nested at most {@code depth} levels. */
    static String flowValue(Random random, int depth) {
        Function<Random, String> inner = r -> depth <= 0 || r.nextBoolean() ? scalar(r) : flowValue(r, depth - 1);
        return oneOf(random,
                weighted(4, r -> "[" + String.join(", ", listOf(r, 0, 5, inner)) + "]"),
                weighted(4, r -> "{" + String.join(", ", listOf(r, 0, 4, r2 -> pick(r2, KEYS) + ": " + inner.apply(r2)))
                        + "}"),
                weighted(1, r -> pick(r, List.of("[a, b", "{a: b", "[a, ]]", "{a: [b}", "[? x : y]", "{? : }", "[,]"))));
    }

    private static String scalar(Random random) {
        return oneOf(random, weighted(4, r -> pick(r, ODD_SCALARS)), weighted(3, HostileCards::anyWord),
                weighted(1, r -> Fuzz.anyChars(r, 40)), weighted(1, r -> String.valueOf(anyInt(r))),
                weighted(1, r -> String.valueOf(anyDouble(r))),
                weighted(1, HostileCards::longScalar));
    }

    /** An int, the edges of its range often. */
    private static int anyInt(Random random) {
        return random.nextInt(4) == 0 ? pick(random, List.of(0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE))
                : random.nextInt();
    }

    /** A double, its odd values often. */
    private static double anyDouble(Random random) {
        return random.nextInt(4) == 0 ? pick(random, List.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE))
                : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(40) - 20);
    }

    /** A long plain scalar, repeated from a short one: generating it character by character is slow. */
    private static String longScalar(Random random) {
        return anyWord(random).repeat(between(random, 20, 1_000));
    }

    private static String anyWord(Random random) {
        String word = Fuzz.charsOf(random, "abcdefghijklmnopqrstuvwxyz-_.:：#&*!|>'\" 模型", 12);
        return word.isEmpty() ? "a" : word;
    }

    /** Nesting far deeper than any card: flow brackets, block mappings or block lists. */
    private static String deepNesting(Random random) {
        int n = between(random, 20, 2_000);
        return switch (random.nextInt(4)) {
            case 0 -> "model-name: deep\nnested: " + "[".repeat(n) + "x" + "]".repeat(n) + "\n";
            case 1 -> "model-name: deep\nnested: " + "{a: ".repeat(n) + "x" + "}".repeat(n) + "\n";
            case 2 -> {
                StringBuilder text = new StringBuilder("model-name: deep\n");
                for (int level = 0; level < Math.min(n, 600); level++) {
                    text.append(" ".repeat(level)).append("k:\n");
                }
                yield text.append(" ".repeat(Math.min(n, 600))).append("x\n").toString();
            }
            default -> "model-name: deep\nnested:\n" + "- ".repeat(Math.min(n, 600)) + "x\n";
        };
    }

    /** A list named once and aliased many times over, layer on layer: the billion laughs, small. */
    private static String aliasFanOut(Random random) {
        int layers = between(random, 2, 12);
        int width = between(random, 2, 200);
        StringBuilder text = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int layer = 1; layer < layers; layer++) {
            text.append('a').append(layer).append(": &a").append(layer).append(" [");
            text.append(String.join(", ", Collections.nCopies(width, "*a" + (layer - 1))));
            text.append("]\n");
        }
        return text.toString();
    }

    /** A key of thousands of characters holding a long flow list: a path string per node would be huge. */
    private static String hugeKey(Random random) {
        int keyLength = between(random, 1_000, 10_000);
        int items = between(random, 1, 10_000);
        return "k".repeat(keyLength) + ": [" + String.join(",", Collections.nCopies(items, "ab")) + "]\n";
    }

    /** Explicit {@code ? } keys, some of them collections, some repeated. */
    private static String explicitKeys(Random random) {
        return String.join("", listOf(random, 1, 200, r -> {
            String key = oneOf(r, weighted(1, HostileCards::scalar), weighted(1, r2 -> flowValue(r2, 2)),
                    weighted(1, r2 -> pick(r2, KEYS)));
            return "? " + key + "\n: " + scalar(r) + "\n";
        }));
    }

    /** Markdown as people write it, and as they break it: unclosed fences, tables, HTML, citations. */
    static String markdown(Random random) {
        Function<Random, String> block = r -> oneOf(r,
                weighted(3, r2 -> Fuzz.charsOf(r2, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                        + " .,*_`[]()#<>|-", 60)),
                weighted(1, r2 -> "#".repeat(between(r2, 1, 9)) + " " + anyWord(r2)),
                weighted(1, r2 -> pick(r2, List.of("```", "~~~", "```python\nprint(1)", "    indented code",
                        "| a | b |\n|---|---|\n| 1 |", "## Citation\n\n@article{x, title={T}}", "arXiv:1611.06612",
                        "doi 10.1000/x\"<>", "<script>alert(1)</script>", "<!-- unclosed comment", "[link](javascript:x)",
                        "![img](http://x)", "---", "...", "\u0000", "\uFEFF"))),
                weighted(1, r2 -> Fuzz.anyChars(r2, 60)));
        return String.join("\n\n", listOf(random, 0, 12, block));
    }

    /** Bytes that are no UTF-8 to put somewhere in the file, or none. */
    private static byte[] junk(Random random) {
        return oneOf(random, weighted(3, r -> new byte[0]),
                weighted(1, r -> {
                    byte[] bytes = new byte[between(r, 1, 16)];
                    r.nextBytes(bytes);
                    return bytes;
                }),
                weighted(1, r -> pick(r, List.of("\u0000", "\uFEFF", "\u0085", "\u2028", "\uD800")).getBytes(UTF_8)),
                weighted(1, r -> pick(r, List.of(new byte[] {(byte) 0xFF, (byte) 0xFE},
                        new byte[] {(byte) 0xC0, (byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[] {(byte) 0xE6, (byte) 0xA8}))));
    }

    private static String indented(String text, String indent) {
        return text.lines().map(line -> indent + line).reduce("", (all, line) -> all + line + "\n");
    }

    /** How the header is set apart from the body, or fails to be. */
    enum Wrapping {
        PLAIN("---\n", "---\n"),
        BYTE_ORDER_MARK("\uFEFF---\n", "---\n"),
        TITLE_LINE_FIRST("# RefineNet\n---\n", "---\n"),
        NO_OPENING("", "---\n"),
        NO_CLOSING("---\n", ""),
        NONE("", ""),
        DOCUMENT_END("---\n", "...\n"),
        EXTRA_DASHES("---\n---\n", "---\n---\n"),
        TRAILING_SPACES("---  \n", "--- \t\n"),
        SECOND_DOCUMENT("---\n", "---\nmodel-name: again\n---\n");

        final String before;
        final String after;

        Wrapping(String before, String after) {
            this.before = before;
            this.after = after;
        }
    }

    /** One generated card file; its {@code toString} is what a failing case prints, after its seed. */
    record HostileCard(String header, String body, Wrapping wrapping, String lineEnd, byte[] junk) {

        byte[] bytes() {
            String text = (wrapping.before + header + wrapping.after + "\n" + body).replace("\n", lineEnd);
            byte[] utf8 = text.getBytes(UTF_8);
            if (junk.length == 0) {
                return utf8;
            }
            // The junk lands inside the header, where it hurts most, or at its start.
            int at = Math.min(utf8.length, Math.abs(header.hashCode()) % (wrapping.before.length() + header.length() + 1));
            ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length + junk.length);
            out.write(utf8, 0, at);
            out.write(junk, 0, junk.length);
            out.write(utf8, at, utf8.length - at);
            return out.toByteArray();
        }

        @Override
        public String toString() {
            String shown = header.length() > 600 ? header.substring(0, 600) + "… (" + header.length() + " chars)" : header;
            return "wrapping " + wrapping + ", line end " + lineEnd.replace("\r", "\\r").replace("\n", "\\n")
                    + ", " + junk.length + " junk bytes, header:\n" + shown + "\nbody of " + body.length() + " chars";
        }
    }
}
