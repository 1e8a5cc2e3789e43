package io.cardex.card.internals;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a card's YAML header into a {@link Header}. It only composes the YAML node graph (no
 * object construction at all, so no custom types), with limits on aliases, nesting and size,
 * and keeps every scalar as text. Not thread-safe: each {@link io.cardex.card.CardParser} has its
 * own, reused for every card.
 */
public final class HeaderReader {

    private static final int MAX_ALIASES = 10;
    private static final int MAX_NESTING = 16;
    private static final int MAX_CODE_POINTS = 1 << 20;
    /**
     * How many values aliases may repeat in one header. SnakeYAML's alias limit counts aliases, not
     * what they repeat: three levels of three aliases to a long list unfold into millions of values.
     */
    private static final int MAX_REPEATED_VALUES = 10_000;
    /**
     * A top-level {@code key: -} is not valid YAML, yet real cards write {@code evaluation: -}
     * for "none"; the MindSpore Hub checker rewrites it before parsing, and so do we.
     */
    private static final Pattern BARE_DASH_VALUE =
            Pattern.compile("(?m)^(\\p{L}[\\p{L}\\p{N}_-]*+[ \\t]*+:[ \\t]*+)-[ \\t]*+$");
    /**
     * Chinese cards separate key and value with a full-width colon ({@code 模型名称：RefineNet}),
     * which YAML does not know; a full-width colon that ends a plain key is read as ':'. The key
     * is matched greedily and stripped afterwards: a lazy key followed by blanks took quadratic
     * time on a long line of blanks.
     */
    private static final Pattern FULL_WIDTH_KEY_COLON =
            Pattern.compile("(?m)^([ \\t]*[^\\s:：#\\-\"'][^:：\\n]*)：[ \\t]*");
    /**
     * A list item can be a plain text that holds '：', so it is read as a key only when it is one
     * of the Chinese card keys: {@code - 文件格式：ckpt} in a compact asset list.
     */
    private static final Pattern LIST_ITEM_FULL_WIDTH_KEY =
            Pattern.compile("(?m)^([ \\t]*-[ \\t]+)([^\\s:：#\\-\"'][^:：\\n]*)：[ \\t]*");
    private static final Pattern LEADING_TABS = Pattern.compile("(?m)^( *)(\\t[\\t ]*)");

    /** Room for SnakeYAML's longest descriptions, but not for all of a long value it quotes. */
    private static final int MAX_PROBLEM_SHOWN = 160;

    private static final String HINT_QUOTE_COLON =
            "; a value that holds ': ' must be quoted, e.g. summary: \"note: used for cv\"";

    /** Resolves no implicit types: every plain scalar stays a string. */
    private static final class TextOnlyResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
        }
    }

    /** Building SnakeYAML's loader costs as much as reading a small header: it is built once. */
    private final Yaml yaml = newYaml();

    public Header read(String yamlText, int firstLine, FileProblems problems) {
        String header = lenient(yamlText, firstLine, problems);
        HeaderPlaces places = new HeaderPlaces(header, firstLine);
        Node root;
        try {
            root = yaml.compose(new StringReader(header));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            Header.Position at = mark == null ? new Header.Position(firstLine, 1) : places.of(mark);
            String problem = oneLine(e.getProblem() != null ? e.getProblem() : e.getMessage());
            problems.error("yaml-syntax", at.line(), at.column(), "the YAML header cannot be read: " + problem
                    + (problem.startsWith("mapping values are not allowed") ? HINT_QUOTE_COLON : ""));
            return Header.EMPTY;
        } catch (ReaderException e) {
            // A character YAML does not allow (a control character, U+FFFE) comes without a mark.
            Header.Position at = places.of(e.getPosition());
            problems.error("yaml-syntax", at.line(), at.column(), String.format("the YAML header cannot be read: "
                    + "it holds the character U+%04X, which YAML does not allow: remove it",
                    e.getCodePoint()));
            return Header.EMPTY;
        } catch (YAMLException e) {
            problems.error("yaml-limit", firstLine, 1,
                    "the YAML header is too large, too deeply nested or has too many aliases: " + oneLine(e.getMessage()));
            return Header.EMPTY;
        }
        if (root == null) {
            problems.error("empty-header", firstLine, 1, "the YAML header is empty: write the card's fields as 'key: value' lines");
            return Header.EMPTY;
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.error("header-not-mapping", places.of(root.getStartMark()).line(), 1,
                    "the YAML header must be a list of 'key: value' fields");
            return Header.EMPTY;
        }
        Map<String, Header.Entry> entries = new LinkedHashMap<>();
        Unfolding unfolding = new Unfolding(places, problems);
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            Header.Position at = places.of(keyNode.getStartMark());
            int line = at.line();
            int column = at.column();
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                problems.error("invalid-key", line, column, "a header key must be plain text");
                continue;
            }
            String key = text(scalarKey, places, problems).strip();
            if (entries.containsKey(key)) {
                problems.warning("duplicate-key", line, column, duplicate(key, entries.get(key).line()));
            }
            unfolding.positions.put(key, new Header.Position(line, column));
            Object value;
            try {
                value = toValue(tuple.getValueNode(), key, unfolding, 1);
            } catch (TooDeepException e) {
                problems.error("yaml-limit", line, column, Quoted.of(key) + " is nested more than " + MAX_NESTING
                        + " levels deep, or refers to itself: flatten it");
                continue;
            } catch (TooManyRepeatsException e) {
                problems.error("yaml-limit", line, column, Quoted.of(key) + " makes aliases repeat more than "
                        + MAX_REPEATED_VALUES + " values in the header: write the values out, or use fewer aliases");
                return Header.EMPTY;
            }
            entries.put(key, new Header.Entry(key, value, line, column));
        }
        return new Header(entries, unfolding.positions);
    }

    /**
     * The hub reads headers with PyYAML, which takes a key given twice and keeps its last value:
     * cardex reads it the same way, and warns, since the first value is most likely forgotten.
     */
    private static String duplicate(String key, int firstLine) {
        return Quoted.of(key) + " is set twice (first on line " + firstLine + "): the last value counts, as the "
                + "hub reads it; keep one";
    }

    /**
     * Rewrites what real cards write and YAML refuses, keeping every line where it was: a bare
     * {@code -} value, full-width key colons, and tab indentation (reported once, on its first
     * line, for an editor that writes tabs writes them everywhere; then read as spaces).
     */
    private static String lenient(String yamlText, int firstLine, FileProblems problems) {
        // Most headers need none of these rewrites: a cheap look first spares the regexes.
        String text = yamlText;
        if (text.indexOf('：') >= 0) {
            text = FULL_WIDTH_KEY_COLON.matcher(text)
                    .replaceAll(key -> Matcher.quoteReplacement(key.group(1).stripTrailing()) + ": ");
            text = LIST_ITEM_FULL_WIDTH_KEY.matcher(text).replaceAll(item -> Matcher.quoteReplacement(
                    ChineseKeys.isKey(item.group(2).strip()) ? item.group(1) + item.group(2).strip() + ": " : item.group()));
        }
        if (hasLineEndingInDash(text)) {
            text = BARE_DASH_VALUE.matcher(text).replaceAll("$1\"-\"");
        }
        if (text.indexOf('\t') < 0) {
            return text;
        }
        Matcher tabs = LEADING_TABS.matcher(text);
        StringBuilder spaced = new StringBuilder();
        int tabbedLines = 0;
        Header.Position firstTab = null;
        while (tabs.find()) {
            if (tabbedLines++ == 0) {
                int line = firstLine + (int) text.substring(0, tabs.start()).chars().filter(c -> c == '\n').count();
                firstTab = new Header.Position(line, tabs.group(1).length() + 1);
            }
            // Cards indent by four spaces, so that is the width a tab most likely stood for.
            tabs.appendReplacement(spaced, tabs.group(1) + tabs.group(2).replace("\t", "    "));
        }
        tabs.appendTail(spaced);
        if (tabbedLines > 0) {
            problems.error("tab-indentation", firstTab.line(), firstTab.column(), tabbedLines == 1
                    ? "the header is indented with a tab: YAML needs spaces"
                    : "the header is indented with tabs on " + tabbedLines
                            + " lines, the first here: YAML needs spaces");
        }
        return spaced.toString();
    }

    private static boolean hasLineEndingInDash(String text) {
        int last = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == '\n' || c == '\r') {
                if (last >= 0 && text.charAt(last) == '-') {
                    return true;
                }
                last = -1;
            } else if (c != ' ' && c != '\t') {
                last = i;
            }
        }
        return false;
    }

    /**
     * A scalar's text. A double-quoted escape can name half of a UTF-16 surrogate pair
     * ({@code "\\ud800"}), which is no character: kept, it would make the card's change event JSON
     * that no reader takes, and the card would never be indexed. It is read as U+FFFD, and said.
     */
    private static String text(ScalarNode scalar, HeaderPlaces places, FileProblems problems) {
        String value = scalar.getValue();
        StringBuilder replaced = null;
        for (int index = 0; index < value.length(); index++) {
            char c = value.charAt(index);
            boolean paired = Character.isHighSurrogate(c) && index + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(index + 1));
            if (paired) {
                if (replaced != null) {
                    replaced.append(c).append(value.charAt(index + 1));
                }
                index++;
            } else if (Character.isSurrogate(c)) {
                if (replaced == null) {
                    replaced = new StringBuilder(value.length()).append(value, 0, index);
                }
                replaced.append('\uFFFD');
            } else if (replaced != null) {
                replaced.append(c);
            }
        }
        if (replaced == null) {
            return value;
        }
        Header.Position at = places.of(scalar.getStartMark());
        problems.warning("invalid-escape", at.line(), at.column(), "an escape names half of a UTF-16 surrogate pair "
                + "(\\ud800 to \\udfff alone), which is no character: it is read as U+FFFD; write the character "
                + "itself, or both halves of its pair");
        return replaced.toString();
    }

    /** The node as plain values, noting where each nested key (or list item) stands below {@code path}. */
    private static Object toValue(Node node, String path, Unfolding unfolding, int depth)
            throws TooDeepException, TooManyRepeatsException {
        // Aliases can make a node its own descendant, which the composer's nesting limit does not see.
        if (depth > MAX_NESTING) {
            throw new TooDeepException();
        }
        boolean firstVisit = unfolding.seen.add(node);
        if (!firstVisit && ++unfolding.repeated > MAX_REPEATED_VALUES) {
            throw new TooManyRepeatsException();
        }
        HeaderPlaces places = unfolding.places;
        Map<String, Header.Position> positions = unfolding.positions;
        if (node instanceof ScalarNode scalar) {
            return text(scalar, places, unfolding.problems);
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> values = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                String itemPath = path + "[" + values.size() + "]";
                unfolding.place(itemPath, places.of(item.getStartMark()));
                values.add(toValue(item, itemPath, unfolding, depth + 1));
            }
            return values;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            String key = String.valueOf(toValue(tuple.getKeyNode(), path, unfolding, depth + 1));
            String keyPath = path + "." + key;
            Header.Position at = places.of(tuple.getKeyNode().getStartMark());
            // An alias repeating this mapping repeats its duplicates: they are reported once.
            if (values.containsKey(key) && firstVisit) {
                unfolding.problems.warning("duplicate-key", at.line(), at.column(),
                        duplicate(keyPath, positions.getOrDefault(keyPath, at).line()));
            }
            unfolding.place(keyPath, at);
            values.put(key, toValue(tuple.getValueNode(), keyPath, unfolding, depth + 1));
        }
        return values;
    }

    /** What turning one header's nodes into values has met so far. */
    private static final class Unfolding {
        /**
         * Positions kept at most per header. A path names its parents, so a thousand-character key
         * holding 400,000 items made 400 MB of paths; problems are listed 100 a card anyway, and
         * a key past this many is placed at its nearest enclosing key.
         */
        static final int MOST_POSITIONS = 10_000;

        final HeaderPlaces places;
        final FileProblems problems;
        final Map<String, Header.Position> positions = new HashMap<>();
        /** Nodes already turned into values: meeting one again means an alias repeats it. */
        final Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int repeated;

        Unfolding(HeaderPlaces places, FileProblems problems) {
            this.places = places;
            this.problems = problems;
        }

        /** Remembers where a path stands, while there is room. */
        void place(String path, Header.Position at) {
            if (positions.size() < MOST_POSITIONS || positions.containsKey(path)) {
                positions.put(path, at);
            }
        }
    }

    /** A value nested deeper than {@link #MAX_NESTING}, through aliases. */
    private static final class TooDeepException extends Exception {
        TooDeepException() {
            super(null, null, false, false);
        }
    }

    /** A header whose aliases repeat more than {@link #MAX_REPEATED_VALUES} values. */
    private static final class TooManyRepeatsException extends Exception {
        TooManyRepeatsException() {
            super(null, null, false, false);
        }
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        DumperOptions dumperOptions = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumperOptions), dumperOptions, options,
                new TextOnlyResolver());
    }

    /** SnakeYAML's description of a problem, which can quote the header at any length, as one short line. */
    private static String oneLine(String message) {
        return message == null ? "" : Quoted.excerpt(message.replaceAll("\\s+", " ").strip(), MAX_PROBLEM_SHOWN);
    }
}
