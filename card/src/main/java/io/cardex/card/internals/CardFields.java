package io.cardex.card.internals;

import io.cardex.card.Asset;
import io.cardex.card.Card;
import io.cardex.card.CardId;
import io.cardex.card.Evaluation;
import io.cardex.card.ModuleType;
import io.cardex.card.Problem;
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

/** Turns the header fields of a card into the normalised {@link Card}. */
public final class CardFields {

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuu-M-d", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> KNOWN_KEYS = Set.of(
            "model-name", "backbone-name", "module-type", "fine-tunable", "model-version", "train-dataset",
            "evaluation", "accuracy", "author", "update-time", "repo-link", "user-id", "used-for",
            "mindspore-version", "license", "summary", "asset");
    /** What the MindSpore Hub checker rewrites to "no evaluation" before it parses a card. */
    private static final String NO_EVALUATION = "-";

    private final Header header;
    private final List<Problem> problems;

    private CardFields(Header header, List<Problem> problems) {
        this.header = header;
        this.problems = problems;
    }

    public static Card toCard(CardId id, CardSections sections, Header header, List<Problem> problems) {
        CardFields fields = new CardFields(header, problems);
        String moduleType = fields.text("module-type");
        String evaluation = fields.text("evaluation");
        return new Card(
                id,
                sections.title(),
                fields.text("model-name"),
                fields.text("backbone-name"),
                moduleType == null ? null : ModuleType.parse(moduleType),
                fields.bool("fine-tunable"),
                fields.text("model-version"),
                fields.split("train-dataset", "_"),
                evaluation == null || evaluation.equals(NO_EVALUATION) ? null : Evaluation.parse(evaluation),
                fields.number("accuracy"),
                fields.text("author"),
                fields.date("update-time"),
                fields.link("repo-link"),
                fields.text("user-id"),
                fields.split("used-for", "/"),
                fields.text("mindspore-version"),
                fields.text("license"),
                fields.text("summary"),
                fields.assets(),
                fields.otherFields(),
                sections.body(),
                problems);
    }

    private String text(String key) {
        Header.Entry entry = header.entries().get(key);
        if (entry == null) {
            return null;
        }
        if (!(entry.value() instanceof String value)) {
            problems.add(Problem.error("not-text", entry.line(), entry.column(),
                    "'" + key + "' must be a single line of text, not a list or a mapping"));
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
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
        return Arrays.stream(value.split(java.util.regex.Pattern.quote(separator)))
                .map(String::strip)
                .filter(part -> !part.isEmpty())
                .toList();
    }

    private Boolean bool(String key) {
        return parsed(key, CardFields::parseBoolean, "invalid-boolean", "write True or False");
    }

    private Double number(String key) {
        return parsed(key, Double::valueOf, "invalid-number", "write a number such as 76.5");
    }

    private LocalDate date(String key) {
        return parsed(key, value -> LocalDate.parse(value, DATE), "invalid-date", "write a date as YYYY-MM-DD");
    }

    /** The field read by {@code parser}, or a problem {@code code} telling the author what to write. */
    private <T> T parsed(String key, Function<String, T> parser, String code, String whatToWrite) {
        String value = text(key);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            Header.Entry entry = header.entries().get(key);
            problems.add(Problem.error(code, entry.line(), entry.column(),
                    "'" + key + "' is '" + value + "': " + whatToWrite));
            return null;
        }
    }

    private static Boolean parseBoolean(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private List<Asset> assets() {
        Header.Entry entry = header.entries().get("asset");
        if (entry == null) {
            return List.of();
        }
        if (!(entry.value() instanceof List<?> items)) {
            problems.add(Problem.error("asset-not-list", entry.line(), entry.column(),
                    "'asset' must be a list of entries, each with file-format, asset-link and asset-sha256"));
            return List.of();
        }
        List<Asset> assets = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> fields)) {
                problems.add(Problem.error("asset-not-mapping", entry.line(), entry.column(),
                        "each 'asset' entry must have file-format, asset-link and asset-sha256 fields"));
                continue;
            }
            assets.add(new Asset(
                    assetText(fields, "file-format"),
                    stripAngleBrackets(assetText(fields, "asset-link")),
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
