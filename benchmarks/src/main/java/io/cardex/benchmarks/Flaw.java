package io.cardex.benchmarks;

import java.util.List;
import java.util.regex.Matcher;

/**
 * A way real cards are broken, done to the English header of a generated card, with the code of
 * the error the parser must report for it.
 */
enum Flaw {
    NONE(null) {
        @Override
        String breakHeader(String yaml, SeededChoices choices) {
            return yaml;
        }
    },
    BAD_BOOLEAN("invalid-boolean") {
        @Override
        String breakHeader(String yaml, SeededChoices choices) {
            return replaceValue(yaml, "fine-tunable", choices.oneOf("Ture", "ture", "1", "enabled"));
        }
    },
    UNKNOWN_MODULE_TYPE("unknown-module-type") {
        @Override
        String breakHeader(String yaml, SeededChoices choices) {
            return replaceValue(yaml, "module-type",
                    choices.oneOf("vision", "image-classification", "speech", "graph"));
        }
    },
    MISSING_FIELD("missing-field") {
        @Override
        String breakHeader(String yaml, SeededChoices choices) {
            String field = choices.oneOf(List.of("author", "license", "user-id", "summary", "update-time"));
            return yaml.replaceFirst("(?m)^" + field + ": .*\n(\n)?", "");
        }
    },
    YAML_SYNTAX("yaml-syntax") {
        @Override
        String breakHeader(String yaml, SeededChoices choices) {
            return switch (choices.between(0, 2)) {
                // An unquoted ": " inside a value, which YAML takes for the start of a nested mapping.
                case 0 -> yaml.replaceFirst("(?m)^(summary: .*)$", "$1, note: weights of the paper");
                case 1 -> yaml.replaceFirst("(?m)^summary: (.*)$", "summary: \"$1");
                default -> yaml.replaceFirst("(?m)^(model-version: .*)$", "$1\n  evaluated-on: [val, test");
            };
        }
    },
    TAB_INDENTATION("tab-indentation") {
        @Override
        String breakHeader(String yaml, SeededChoices choices) {
            return yaml.replaceAll("(?m)^    (?=\\S)", "\t");
        }
    };

    static final List<Flaw> BREAKING =
            List.of(BAD_BOOLEAN, UNKNOWN_MODULE_TYPE, MISSING_FIELD, YAML_SYNTAX, TAB_INDENTATION);

    private final String problemCode;

    Flaw(String problemCode) {
        this.problemCode = problemCode;
    }

    /** The code of the error the parser reports for this flaw; {@code null} for {@link #NONE}. */
    String problemCode() {
        return problemCode;
    }

    abstract String breakHeader(String yaml, SeededChoices choices);

    private static String replaceValue(String yaml, String key, String value) {
        return yaml.replaceFirst("(?m)^" + key + ": .*$", Matcher.quoteReplacement(key + ": " + value));
    }
}
