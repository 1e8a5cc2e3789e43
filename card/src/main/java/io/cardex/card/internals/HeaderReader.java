package io.cardex.card.internals;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a card's YAML header into a {@link Header}. It only composes the YAML node graph (no
 * object construction at all, so no custom types), with limits on aliases, nesting and size,
 * and keeps every scalar as text.
 */
public final class HeaderReader {

    private static final int MAX_ALIASES = 10;
    private static final int MAX_NESTING = 16;
    private static final int MAX_CODE_POINTS = 1 << 20;
    /**
     * A top-level {@code key: -} is not valid YAML, yet real cards write {@code evaluation: -}
     * for "none"; the MindSpore Hub checker rewrites it before parsing, and so do we.
     */
    private static final Pattern BARE_DASH_VALUE = Pattern.compile("(?m)^([A-Za-z][\\w-]*[ \\t]*:[ \\t]*)-[ \\t]*$");
    /**
     * Chinese cards separate key and value with a full-width colon ({@code 模型名称：RefineNet}),
     * which YAML does not know; a full-width colon that ends a key is read as ':'.
     */
    private static final Pattern FULL_WIDTH_KEY_COLON = Pattern.compile("(?m)^([ \\t]*[^\\s:：#\\-][^:：\\n]*?)[ \\t]*：[ \\t]*");
    private static final Pattern LEADING_TABS = Pattern.compile("(?m)^( *)(\\t[\\t ]*)");

    private static final String HINT_QUOTE_COLON =
            "; a value that holds ': ' must be quoted, e.g. summary: \"note: used for cv\"";

    /** Resolves no implicit types: every plain scalar stays a string. */
    private static final class TextOnlyResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
        }
    }

    public Header read(String yamlText, int firstLine, FileProblems problems) {
        Node root;
        try {
            root = newYaml().compose(new StringReader(lenient(yamlText, firstLine, problems)));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? firstLine : firstLine + mark.getLine();
            int column = mark == null ? 1 : mark.getColumn() + 1;
            String problem = oneLine(e.getProblem() != null ? e.getProblem() : e.getMessage());
            problems.error("yaml-syntax", line, column, "the YAML header cannot be read: " + problem
                    + (problem.startsWith("mapping values are not allowed") ? HINT_QUOTE_COLON : ""));
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
            problems.error("header-not-mapping", firstLine + root.getStartMark().getLine(), 1,
                    "the YAML header must be a list of 'key: value' fields");
            return Header.EMPTY;
        }
        Map<String, Header.Entry> entries = new LinkedHashMap<>();
        Map<String, Header.Position> positions = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            int line = firstLine + keyNode.getStartMark().getLine();
            int column = keyNode.getStartMark().getColumn() + 1;
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                problems.error("invalid-key", line, column, "a header key must be plain text");
                continue;
            }
            String key = scalarKey.getValue().strip();
            if (entries.containsKey(key)) {
                problems.error("duplicate-key", line, column, "'" + key + "' is set twice (first on line "
                        + entries.get(key).line() + "): keep one");
                continue;
            }
            positions.put(key, new Header.Position(line, column));
            Object value;
            try {
                value = toValue(tuple.getValueNode(), key, firstLine, positions, 1);
            } catch (TooDeepException e) {
                problems.error("yaml-limit", line, column, "'" + key + "' is nested more than " + MAX_NESTING
                        + " levels deep, or refers to itself: flatten it");
                continue;
            }
            entries.put(key, new Header.Entry(key, value, line, column));
        }
        return new Header(entries, positions);
    }

    /**
     * Rewrites what real cards write and YAML refuses, keeping every line where it was: a bare
     * {@code -} value, full-width key colons, and tab indentation (reported, then read as spaces).
     */
    private static String lenient(String yamlText, int firstLine, FileProblems problems) {
        String text = BARE_DASH_VALUE.matcher(yamlText).replaceAll("$1\"-\"");
        text = FULL_WIDTH_KEY_COLON.matcher(text).replaceAll("$1: ");
        Matcher tabs = LEADING_TABS.matcher(text);
        StringBuilder spaced = new StringBuilder();
        int line = firstLine;
        int counted = 0;
        while (tabs.find()) {
            for (; counted < tabs.start(); counted++) {
                line += text.charAt(counted) == '\n' ? 1 : 0;
            }
            problems.error("tab-indentation", line, tabs.group(1).length() + 1,
                    "the header is indented with a tab: YAML needs spaces");
            // Cards indent by four spaces, so that is the width a tab most likely stood for.
            tabs.appendReplacement(spaced, tabs.group(1) + tabs.group(2).replace("\t", "    "));
        }
        tabs.appendTail(spaced);
        return spaced.toString();
    }

    /** The node as plain values, noting where each nested key (or list item) stands below {@code path}. */
    private static Object toValue(Node node, String path, int firstLine, Map<String, Header.Position> positions,
                                  int depth) throws TooDeepException {
        // Aliases can make a node its own descendant, which the composer's nesting limit does not see.
        if (depth > MAX_NESTING) {
            throw new TooDeepException();
        }
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> values = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                String itemPath = path + "[" + values.size() + "]";
                positions.put(itemPath, position(item, firstLine));
                values.add(toValue(item, itemPath, firstLine, positions, depth + 1));
            }
            return values;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            String key = String.valueOf(toValue(tuple.getKeyNode(), path, firstLine, positions, depth + 1));
            String keyPath = path + "." + key;
            positions.putIfAbsent(keyPath, position(tuple.getKeyNode(), firstLine));
            values.putIfAbsent(key, toValue(tuple.getValueNode(), keyPath, firstLine, positions, depth + 1));
        }
        return values;
    }

    /** A value nested deeper than {@link #MAX_NESTING}, through aliases. */
    private static final class TooDeepException extends Exception {
        TooDeepException() {
            super(null, null, false, false);
        }
    }

    private static Header.Position position(Node node, int firstLine) {
        return new Header.Position(firstLine + node.getStartMark().getLine(), node.getStartMark().getColumn() + 1);
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

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s+", " ").strip();
    }
}
