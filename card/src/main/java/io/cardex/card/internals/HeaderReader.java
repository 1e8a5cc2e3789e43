package io.cardex.card.internals;

import io.cardex.card.Problem;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Resolves no implicit types: every plain scalar stays a string. */
    private static final class TextOnlyResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
        }
    }

    public Header read(String yamlText, int firstLine, List<Problem> problems) {
        Node root;
        try {
            root = newYaml().compose(new StringReader(BARE_DASH_VALUE.matcher(yamlText).replaceAll("$1\"-\"")));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? firstLine : firstLine + mark.getLine();
            int column = mark == null ? 1 : mark.getColumn() + 1;
            problems.add(Problem.error("yaml-syntax", line, column,
                    "the YAML header cannot be read: " + oneLine(e.getProblem() != null ? e.getProblem() : e.getMessage())));
            return Header.EMPTY;
        } catch (YAMLException e) {
            problems.add(Problem.error("yaml-limit", firstLine, 1,
                    "the YAML header is too large or too deeply nested: " + oneLine(e.getMessage())));
            return Header.EMPTY;
        }
        if (root == null) {
            problems.add(Problem.error("empty-header", firstLine, 1,
                    "the YAML header is empty: write the card's fields as 'key: value' lines"));
            return Header.EMPTY;
        }
        if (!(root instanceof MappingNode mapping)) {
            problems.add(Problem.error("header-not-mapping", firstLine + root.getStartMark().getLine(), 1,
                    "the YAML header must be a list of 'key: value' fields"));
            return Header.EMPTY;
        }
        Map<String, Header.Entry> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            int line = firstLine + keyNode.getStartMark().getLine();
            int column = keyNode.getStartMark().getColumn() + 1;
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                problems.add(Problem.error("invalid-key", line, column, "a header key must be plain text"));
                continue;
            }
            String key = scalarKey.getValue().strip();
            if (entries.containsKey(key)) {
                problems.add(Problem.error("duplicate-key", line, column, "'" + key + "' is set twice (first on line "
                        + entries.get(key).line() + "): keep one"));
                continue;
            }
            entries.put(key, new Header.Entry(key, toValue(tuple.getValueNode()), line, column));
        }
        return new Header(entries);
    }

    private static Object toValue(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> values = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                values.add(toValue(item));
            }
            return values;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (NodeTuple tuple : ((MappingNode) node).getValue()) {
            Object key = toValue(tuple.getKeyNode());
            values.putIfAbsent(String.valueOf(key), toValue(tuple.getValueNode()));
        }
        return values;
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
