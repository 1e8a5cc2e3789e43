package io.cardex.card.hostile;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

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
    static Arbitrary<HostileCard> cards() {
        Arbitrary<String> header = Arbitraries.frequencyOf(
                weighted(6, block(3)), weighted(2, flowValue(3).map(flow -> "root: " + flow + "\n")),
                weighted(1, deepNesting()), weighted(1, aliasFanOut()), weighted(1, hugeKey()), weighted(1, explicitKeys()),
                weighted(1, anyText()));
        return Combinators.combine(header, markdown(), Arbitraries.of(Wrapping.values()), lineEnds(), junk())
                .as(HostileCard::new);
    }

    private static <T> Tuple2<Integer, Arbitrary<? extends T>> weighted(int weight, Arbitrary<T> arbitrary) {
        return Tuple.of(weight, arbitrary);
    }

    /** A block mapping of at most {@code depth} levels, keys from {@link #KEYS} or made up. */
    static Arbitrary<String> block(int depth) {
        return entry(depth).list().ofMinSize(1).ofMaxSize(5).map(entries -> String.join("", entries));
    }

    private static Arbitrary<String> entry(int depth) {
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of(KEYS), anyWord());
        Arbitrary<String> anchor = Arbitraries.of("", "", "", "&a ", "&b ", "&a1 ", "!!map ", "!!seq ", "!!str ");
        Arbitrary<String> value = depth <= 0 ? scalar().map(scalar -> " " + scalar + "\n")
                : Arbitraries.frequencyOf(
                        weighted(5, scalar().map(scalar -> " " + scalar + "\n")),
                        weighted(2, block(depth - 1).map(inner -> "\n" + indented(inner, "  "))),
                        weighted(2, sequence(depth - 1)),
                        weighted(2, flowValue(depth - 1).map(flow -> " " + flow + "\n")),
                        weighted(1, Arbitraries.of(" *a\n", " *b\n", " *a1\n", "\n  <<: *a\n")),
                        weighted(1, Arbitraries.of(" |\n  literal\n   text\n", " >-\n  folded\n\n  text\n",
                                " |2\n bad indentation\n", " \"multi\n  line\"\n")));
        Arbitrary<Boolean> explicit = Arbitraries.of(false, false, false, false, true);
        return Combinators.combine(key, anchor, value, explicit).as((k, a, v, isExplicit) -> isExplicit
                ? "? " + k + "\n:" + (v.startsWith("\n") ? v : " " + a + v.substring(1))
                : k + ":" + (v.startsWith(" ") ? " " + a + v.substring(1) : " " + a.strip() + v));
    }

    private static Arbitrary<String> sequence(int depth) {
        Arbitrary<String> item = depth <= 0 ? scalar()
                : Arbitraries.oneOf(scalar(), flowValue(depth), block(depth).map(inner -> indented(inner, "  ").strip()));
        return item.list().ofMinSize(0).ofMaxSize(3)
                .map(items -> "\n" + String.join("", items.stream().map(one -> "  - " + one + "\n").toList()));
    }

    /** A flow collection, {@code [a, {b: c}]}, nested at most {@code depth} levels. */
    static Arbitrary<String> flowValue(int depth) {
        Arbitrary<String> inner = depth <= 0 ? scalar() : Arbitraries.oneOf(scalar(), flowValue(depth - 1));
        Arbitrary<String> list = inner.list().ofMaxSize(5).map(items -> "[" + String.join(", ", items) + "]");
        Arbitrary<String> map = Combinators.combine(Arbitraries.of(KEYS), inner).as((k, v) -> k + ": " + v)
                .list().ofMaxSize(4).map(items -> "{" + String.join(", ", items) + "}");
        Arbitrary<String> broken = Arbitraries.of("[a, b", "{a: b", "[a, ]]", "{a: [b}", "[? x : y]", "{? : }", "[,]");
        return Arbitraries.frequencyOf(weighted(4, list), weighted(4, map), weighted(1, broken));
    }

    private static Arbitrary<String> scalar() {
        return Arbitraries.frequencyOf(weighted(4, Arbitraries.of(ODD_SCALARS)), weighted(3, anyWord()),
                weighted(1, Arbitraries.strings().ofMaxLength(40)), weighted(1, Arbitraries.integers().map(String::valueOf)),
                weighted(1, Arbitraries.doubles().map(String::valueOf)),
                weighted(1, longScalar()));
    }

    /** A long plain scalar, repeated from a short one: generating it character by character is slow. */
    private static Arbitrary<String> longScalar() {
        return Combinators.combine(anyWord(), Arbitraries.integers().between(20, 1_000)).as(String::repeat);
    }

    private static Arbitrary<String> anyWord() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars("-_.:：#&*!|>'\" 模型").ofMinLength(1).ofMaxLength(12);
    }

    /** Nesting far deeper than any card: flow brackets, block mappings or block lists. */
    private static Arbitrary<String> deepNesting() {
        Arbitrary<Integer> levels = Arbitraries.integers().between(20, 2_000);
        return Arbitraries.oneOf(
                levels.map(n -> "model-name: deep\nnested: " + "[".repeat(n) + "x" + "]".repeat(n) + "\n"),
                levels.map(n -> "model-name: deep\nnested: " + "{a: ".repeat(n) + "x" + "}".repeat(n) + "\n"),
                levels.map(n -> {
                    StringBuilder text = new StringBuilder("model-name: deep\n");
                    for (int level = 0; level < Math.min(n, 600); level++) {
                        text.append(" ".repeat(level)).append("k:\n");
                    }
                    return text.append(" ".repeat(Math.min(n, 600))).append("x\n").toString();
                }),
                levels.map(n -> "model-name: deep\nnested:\n" + "- ".repeat(Math.min(n, 600)) + "x\n"));
    }

    /** A list named once and aliased many times over, layer on layer: the billion laughs, small. */
    private static Arbitrary<String> aliasFanOut() {
        return Combinators.combine(Arbitraries.integers().between(2, 12), Arbitraries.integers().between(2, 200))
                .as((layers, width) -> {
                    StringBuilder text = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
                    for (int layer = 1; layer < layers; layer++) {
                        text.append('a').append(layer).append(": &a").append(layer).append(" [");
                        text.append(String.join(", ", Collections.nCopies(width, "*a" + (layer - 1))));
                        text.append("]\n");
                    }
                    return text.toString();
                });
    }

    /** A key of thousands of characters holding a long flow list: a path string per node would be huge. */
    private static Arbitrary<String> hugeKey() {
        return Combinators.combine(Arbitraries.integers().between(1_000, 10_000), Arbitraries.integers().between(1, 10_000))
                .as((keyLength, items) -> "k".repeat(keyLength) + ": ["
                        + String.join(",", Collections.nCopies(items, "ab")) + "]\n");
    }

    /** Explicit {@code ? } keys, some of them collections, some repeated. */
    private static Arbitrary<String> explicitKeys() {
        Arbitrary<String> key = Arbitraries.oneOf(scalar(), flowValue(2), Arbitraries.of(KEYS));
        return Combinators.combine(key, scalar()).as((k, v) -> "? " + k + "\n: " + v + "\n")
                .list().ofMinSize(1).ofMaxSize(200).map(entries -> String.join("", entries));
    }

    private static Arbitrary<String> anyText() {
        return Arbitraries.strings().withCharRange('\u0000', '\uFFFF').ofMaxLength(500);
    }

    /** Markdown as people write it, and as they break it: unclosed fences, tables, HTML, citations. */
    static Arbitrary<String> markdown() {
        Arbitrary<String> block = Arbitraries.frequencyOf(
                weighted(3, Arbitraries.strings().alpha().numeric().withChars(" .,*_`[]()#<>|-").ofMaxLength(60)),
                weighted(1, Combinators.combine(Arbitraries.integers().between(1, 9), anyWord())
                        .as((level, title) -> "#".repeat(level) + " " + title)),
                weighted(1, Arbitraries.of("```", "~~~", "```python\nprint(1)", "    indented code", "| a | b |\n|---|---|\n| 1 |",
                        "## Citation\n\n@article{x, title={T}}", "arXiv:1611.06612", "doi 10.1000/x\"<>",
                        "<script>alert(1)</script>", "<!-- unclosed comment", "[link](javascript:x)", "![img](http://x)",
                        "---", "...", "\u0000", "\uFEFF")),
                weighted(1, Arbitraries.strings().ofMaxLength(60)));
        return block.list().ofMaxSize(12).map(blocks -> String.join("\n\n", blocks));
    }

    private static Arbitrary<String> lineEnds() {
        return Arbitraries.of("\n", "\n", "\r\n", "\r");
    }

    /** Bytes that are no UTF-8 to put somewhere in the file, or none. */
    private static Arbitrary<byte[]> junk() {
        return Arbitraries.frequencyOf(weighted(3, Arbitraries.just(new byte[0])),
                weighted(1, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(16)),
                weighted(1, Arbitraries.of("\u0000", "\uFEFF", "\u0085", "\u2028", "\uD800")
                        .map(text -> text.getBytes(UTF_8))),
                weighted(1, Arbitraries.of(new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xC0, (byte) 0x80},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xE6, (byte) 0xA8})));
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

    /** One generated card file; its {@code toString} is what a failing try prints. */
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
