package io.cardex.card;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One thing wrong with a card, placed where its author can fix it.
 *
 * @param code     stable identifier of the rule, e.g. {@code yaml-syntax}
 * @param line     1-based line in the card file, 0 when the problem concerns the whole file
 * @param column   1-based column, 0 when unknown
 * @param message  what is wrong and what to do about it
 */
public record Problem(String code, Severity severity, int line, int column, String message) {

    public static Problem error(String code, int line, int column, String message) {
        return new Problem(code, Severity.ERROR, line, column, message);
    }

    public static Problem warning(String code, int line, int column, String message) {
        return new Problem(code, Severity.WARNING, line, column, message);
    }

    @JsonIgnore
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
