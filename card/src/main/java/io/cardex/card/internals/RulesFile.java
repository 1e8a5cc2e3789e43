package io.cardex.card.internals;

import io.cardex.card.HubRules;
import io.cardex.card.InvalidRulesException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a rules file ({@code hub-rules.yaml} is the default and the model) into {@link HubRules}:
 * a YAML mapping of every key below to a non-empty list of text. The YAML is composed, never
 * constructed, so that every problem is reported on its line.
 */
public final class RulesFile {

    static final String MODULE_TYPES = "module-types";
    static final String REQUIRED_FIELDS = "required-fields";
    static final String FILE_FORMATS = "file-formats";
    static final String USED_FOR = "used-for";
    static final String BACKENDS = "backends";
    static final String DATASETS = "datasets";
    static final String ALLOWED_HOSTS = "allowed-hosts";
    /** Every key a rules file must have, in the order of the default file. */
    static final List<String> KEYS = List.of(MODULE_TYPES, REQUIRED_FIELDS, FILE_FORMATS, USED_FOR, BACKENDS,
            ALLOWED_HOSTS, DATASETS);
    /** A host name, not an address: no scheme, port, path or blank. */
    private static final Pattern HOST = Pattern.compile("[\\p{L}\\p{N}.-]+");
    private static final int MAX_CODE_POINTS = 4 << 20;
    private static final String SEE_DEFAULT = " (docs/cards.md, 'The rules file', shows the format)";

    private final String file;

    private RulesFile(String file) {
        this.file = file;
    }

    /** Reads the rules file at {@code path}, named in messages as given. */
    public static HubRules read(Path path) throws InvalidRulesException {
        String name = path.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new InvalidRulesException(name, "no such rules file: give the path of a readable file", e);
        } catch (IOException e) {
            throw new InvalidRulesException(name, "the rules file cannot be read (" + e + "): give the path of a "
                    + "readable file", e);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRulesException(name, "the rules file is not UTF-8 text: save it as UTF-8", e);
        }
        return read(name, text);
    }

    /** Reads the text of a rules file called {@code name} in messages. */
    public static HubRules read(String name, String text) throws InvalidRulesException {
        return new RulesFile(name).parse(text);
    }

    private HubRules parse(String text) throws InvalidRulesException {
        Node root = compose(text);
        if (root == null) {
            throw problem(1, "the rules file is empty: write the keys " + String.join(", ", KEYS) + SEE_DEFAULT);
        }
        if (!(root instanceof MappingNode mapping)) {
            throw problem(root, "the rules file must be 'key:' lines, each followed by its '- value' lines" + SEE_DEFAULT);
        }
        Map<String, List<String>> lists = new LinkedHashMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                throw problem(tuple.getKeyNode(), "a key must be plain text, one of " + String.join(", ", KEYS));
            }
            String key = keyNode.getValue().strip();
            if (!KEYS.contains(key)) {
                throw problem(keyNode, quoted(key) + " is not a rules key: use one of " + String.join(", ", KEYS)
                        + ", or remove it");
            }
            if (lines.containsKey(key)) {
                throw problem(keyNode, quoted(key) + " is given twice (first on line " + lines.get(key)
                        + "): keep one list");
            }
            lines.put(key, line(keyNode));
            lists.put(key, items(key, tuple.getValueNode()));
        }
        for (String key : KEYS) {
            if (!lists.containsKey(key)) {
                throw problem(0, "the rules file has no " + quoted(key) + ": add it with its list; every key of "
                        + "the default rules is required" + SEE_DEFAULT);
            }
        }
        return new HubRules(Set.copyOf(lists.get(MODULE_TYPES)), lists.get(REQUIRED_FIELDS),
                Set.copyOf(lists.get(FILE_FORMATS)), Set.copyOf(lists.get(USED_FOR)), Set.copyOf(lists.get(BACKENDS)),
                Set.copyOf(lists.get(DATASETS)), Set.copyOf(lists.get(ALLOWED_HOSTS)));
    }

    private Node compose(String text) throws InvalidRulesException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(0);
        options.setCodePointLimit(MAX_CODE_POINTS);
        try {
            return new Yaml(options).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw problem(line, "the rules file is not valid YAML (" + oneLine(e.getProblem()) + "): correct this line");
        } catch (YAMLException e) {
            throw problem(0, "the rules file is not valid YAML (" + oneLine(e.getMessage()) + ")" + SEE_DEFAULT);
        }
    }

    /** The items of one key's list: text, not blank, each once. */
    private List<String> items(String key, Node value) throws InvalidRulesException {
        if (!(value instanceof SequenceNode sequence)) {
            throw problem(value, quoted(key) + " must be a list, one '- value' line per item, not "
                    + (value instanceof MappingNode ? "a mapping" : "a single value"));
        }
        if (sequence.getValue().isEmpty()) {
            throw problem(value, quoted(key) + " is an empty list: list at least one value");
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
                throw problem(item, "each item of " + quoted(key) + " must be a non-empty text");
            }
            String text = scalar.getValue().strip();
            if (!seen.add(text.toLowerCase(Locale.ROOT))) {
                throw problem(item, quoted(text) + " is listed twice in " + quoted(key) + ": keep one");
            }
            if (key.equals(ALLOWED_HOSTS) && !HOST.matcher(text).matches()) {
                throw problem(item, quoted(text) + " is not a host name: write the host alone, such as "
                        + "download.mindspore.cn (its sub-domains are allowed too)");
            }
            items.add(text);
        }
        return items;
    }

    private InvalidRulesException problem(Node node, String message) {
        return problem(line(node), message);
    }

    private InvalidRulesException problem(int line, String message) {
        return new InvalidRulesException(file, line, message);
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static String quoted(String text) {
        return "'" + text + "'";
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
