package io.cardex.card.internals;

import io.cardex.card.Asset;
import io.cardex.card.CardHeader;
import io.cardex.card.Evaluation;
import io.cardex.card.HubRules;
import io.cardex.card.ModuleType;
import io.cardex.card.Severity;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns the header of a model card into its normalised {@link CardHeader}, reporting values
 * that have the wrong shape (a list where text belongs, a boolean that is not one).
 */
public final class HeaderFields {

    /** The header keys cardex knows; others are kept as they are in {@code otherFields}. */
    public static final Set<String> KNOWN_KEYS = Set.of(
            "model-name", "backbone-name", "module-type", "fine-tunable", "model-version", "train-dataset",
            "evaluation", "accuracy", "author", "update-time", "repo-link", "user-id", "used-for", "train-backend",
            "infer-backend", "mindspore-version", "input-shape", "allow-cache-ckpt", "license", "summary", "asset");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-M-d", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    /** What the MindSpore Hub checker rewrites to "no evaluation" before it parses a card. */
    private static final String NO_EVALUATION = "-";
    /** YAML 1.1 booleans, as the hub's checker (PyYAML) reads them. */
    private static final Map<String, Boolean> BOOLEANS = Map.of(
            "true", true, "yes", true, "on", true, "false", false, "no", false, "off", false);
    /**
     * A number as YAML writes one: no NaN, no Infinity, no hexadecimal. Each part has one way to
     * match, so that a long run of digits does not make the match backtrack for ever.
     */
    /**
     * The fields the hub's checker reads as a text (it splits, strips or looks it up in a list), a
     * boolean or a number, so that a list or a mapping there fails its check; and model-name, without
     * which a card cannot be listed. A list or a mapping in any other field passes the hub's checker,
     * so cardex only warns about it (real cards have {@code author: [network-fo]}).
     */
    private static final Set<String> READ_AS_TEXT_BY_THE_HUB = Set.of(
            "model-name", "module-type", "train-dataset", "repo-link", "used-for", "train-backend", "infer-backend",
            "fine-tunable", "accuracy", "allow-cache-ckpt");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private final Header header;
    private final HubRules rules;
    private final FileProblems problems;

    private HeaderFields(Header header, HubRules rules, FileProblems problems) {
        this.header = header;
        this.rules = rules;
        this.problems = problems;
    }

    /** The card's fields; {@code rules} tell a dataset whose name holds '_' from several joined by '_'. */
    public static CardHeader read(Header header, HubRules rules, FileProblems problems) {
        return new HeaderFields(header, rules, problems).toCardHeader();
    }

    private CardHeader toCardHeader() {
        String moduleType = text("module-type");
        String evaluation = text("evaluation");
        return new CardHeader(
                text("model-name"),
                text("backbone-name"),
                moduleType == null ? null : ModuleType.parse(moduleType),
                bool("fine-tunable"),
                text("model-version"),
                datasets(),
                evaluation == null || evaluation.equals(NO_EVALUATION) ? null : Evaluation.parse(evaluation),
                number("accuracy"),
                text("author"),
                date("update-time"),
                link("repo-link"),
                text("user-id"),
                split("used-for", "/"),
                split("train-backend", "/"),
                split("infer-backend", "/"),
                text("mindspore-version"),
                inputShape(),
                bool("allow-cache-ckpt"),
                text("license"),
                text("summary"),
                assets(),
                otherFields());
    }

    private String text(String key) {
        Header.Entry entry = header.entries().get(key);
        if (entry == null) {
            return null;
        }
        if (entry.value() instanceof String value) {
            String stripped = value.strip();
            return stripped.isEmpty() ? null : stripped;
        }
        if (READ_AS_TEXT_BY_THE_HUB.contains(key)) {
            problems.error("not-text", entry.line(), entry.column(),
                    "'" + key + "' must be a single line of text, not a list or a mapping");
            return null;
        }
        String joined = joinedTexts(entry.value());
        problems.warning("not-text", entry.line(), entry.column(), "'" + key + "' is a list or a mapping, not a single "
                + "line of text: " + (joined == null ? "cardex leaves it out" : "cardex reads it as " + Quoted.of(joined))
                + "; write it as one line");
        return joined;
    }

    /** A list of plain texts, such as {@code author: [network-fo]}, joined by ", "; {@code null} for anything else. */
    private static String joinedTexts(Object value) {
        if (!(value instanceof List<?> items) || items.isEmpty()
                || !items.stream().allMatch(item -> item instanceof String text && !text.isBlank())) {
            return null;
        }
        return String.join(", ", items.stream().map(item -> ((String) item).strip()).toList());
    }

    private String link(String key) {
        String value = text(key);
        return value == null ? null : stripAngleBrackets(value);
    }

    private List<String> split(String key, String separator) {
        String value = text(key);
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(Pattern.quote(separator)))
                .map(String::strip)
                .filter(part -> !part.isEmpty())
                .toList();
    }

    /** Several datasets are joined by '_', but some dataset names contain '_' themselves. */
    private List<String> datasets() {
        String value = text("train-dataset");
        if (value != null && rules.knowsDataset(value)) {
            return List.of(value);
        }
        return split("train-dataset", "_");
    }

    private Boolean bool(String key) {
        return parsed(key, HeaderFields::parseBoolean, Severity.ERROR, "invalid-boolean", "write True or False");
    }

    private Double number(String key) {
        return parsed(key, HeaderFields::parseNumber, Severity.ERROR, "invalid-number", "write a number such as 76.5");
    }

    /** The hub's checker does not look at update-time: a date cardex cannot read is only a warning. */
    private LocalDate date(String key) {
        return parsed(key, value -> LocalDate.parse(value, DATE), Severity.WARNING, "invalid-date",
                "write a date as YYYY-MM-DD");
    }

    /** The field read by {@code parser}, or a problem {@code code} telling the author what to write. */
    private <T> T parsed(String key, Function<String, T> parser, Severity severity, String code, String whatToWrite) {
        String value = text(key);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            Header.Entry entry = header.entries().get(key);
            String message = "'" + key + "' is " + Quoted.of(value) + ": " + whatToWrite;
            if (severity == Severity.ERROR) {
                problems.error(code, entry.line(), entry.column(), message);
            } else {
                problems.warning(code, entry.line(), entry.column(), message);
            }
            return null;
        }
    }

    private static Boolean parseBoolean(String value) {
        Boolean bool = BOOLEANS.get(value.toLowerCase(Locale.ROOT));
        if (bool == null) {
            throw new IllegalArgumentException("not a boolean");
        }
        return bool;
    }

    private static Double parseNumber(String value) {
        // 1e400 has the shape of a number, but no double holds it: it would be read as Infinity.
        if (!NUMBER.matcher(value).matches() || Double.isInfinite(Double.parseDouble(value))) {
            throw new IllegalArgumentException("not a number");
        }
        return Double.valueOf(value);
    }

    /** One list of dimensions per model input: {@code [1, 3, 224, 224]} or {@code [[1, 3], [1, 5]]}. */
    private List<List<Integer>> inputShape() {
        Header.Entry entry = header.entries().get("input-shape");
        if (entry == null) {
            return List.of();
        }
        List<List<Integer>> shapes = new ArrayList<>();
        if (entry.value() instanceof List<?> items) {
            List<Integer> flat = new ArrayList<>();
            for (Object item : items) {
                if (item instanceof List<?> nested) {
                    shapes.add(dimensions(nested));
                } else {
                    flat.add(dimension(item));
                }
            }
            if (!flat.isEmpty()) {
                shapes.add(0, flat);
            }
        }
        if (shapes.isEmpty() || shapes.stream().anyMatch(shape -> shape.contains(null))) {
            problems.error("invalid-input-shape", entry.line(), entry.column(),
                    "'input-shape' must be a list of whole numbers, such as [1, 3, 224, 224]");
            return List.of();
        }
        return shapes;
    }

    private static List<Integer> dimensions(List<?> items) {
        List<Integer> dimensions = new ArrayList<>();
        items.forEach(item -> dimensions.add(dimension(item)));
        return dimensions;
    }

    private static Integer dimension(Object item) {
        try {
            return item instanceof String text ? Integer.valueOf(text.strip()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private List<Asset> assets() {
        Header.Entry entry = header.entries().get("asset");
        if (entry == null || "".equals(entry.value())) {
            return List.of();
        }
        if (!(entry.value() instanceof List<?> items)) {
            problems.error("asset-not-list", entry.line(), entry.column(),
                    "'asset' must be a list of entries, each with file-format, asset-link and asset-sha256");
            return List.of();
        }
        List<Asset> assets = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> fields)) {
                problems.error("asset-not-mapping", entry.line(), entry.column(),
                        "each 'asset' entry must have file-format, asset-link and asset-sha256 fields");
                continue;
            }
            assets.add(new Asset(assetText(fields, "file-format"), stripAngleBrackets(assetText(fields, "asset-link")),
                    assetText(fields, "asset-sha256")));
        }
        return assets;
    }

    private static String assetText(Map<?, ?> fields, String key) {
        Object value = fields.get(key);
        if (!(value instanceof String text) || text.isBlank()) {
            return null;
        }
        return text.strip();
    }

    private Map<String, Object> otherFields() {
        Map<String, Object> others = new LinkedHashMap<>();
        header.entries().forEach((key, entry) -> {
            if (!KNOWN_KEYS.contains(key) && entry.value() != null) {
                others.put(key, entry.value());
            }
        });
        return others;
    }

    private static String stripAngleBrackets(String value) {
        if (value != null && value.startsWith("<") && value.endsWith(">")) {
            return value.substring(1, value.length() - 1).strip();
        }
        return value;
    }
}
