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
        String value = text(key);
        if (value == null) {
            return null;
        }
        switch (value.toLowerCase(Locale.ROOT)) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                Header.Entry entry = header.entries().get(key);
                problems.add(Problem.error("invalid-boolean", entry.line(), entry.column(),
                        "'" + key + "' is '" + value + "': write True or False"));
                return null;
        }
    }

    private Double number(String key) {
        String value = text(key);
        if (value == null) {
            return null;
        }
        try {
            return Double.valueOf(value);
        } catch (NumberFormatException e) {
            Header.Entry entry = header.entries().get(key);
            problems.add(Problem.error("invalid-number", entry.line(), entry.column(),
                    "'" + key + "' is '" + value + "': write a number such as 76.5"));
            return null;
        }
    }

    private LocalDate date(String key) {
        String value = text(key);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value, DATE);
        } catch (DateTimeParseException e) {
            Header.Entry entry = header.entries().get(key);
            problems.add(Problem.error("invalid-date", entry.line(), entry.column(),
                    "'" + key + "' is '" + value + "': write a date as YYYY-MM-DD"));
            return null;
        }
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
