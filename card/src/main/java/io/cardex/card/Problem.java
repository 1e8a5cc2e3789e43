package io.cardex.card;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One thing wrong with a card, placed where its author can fix it.
 *
 * @param file     the card file it is in, as a path from the repository root
 * @param code     stable identifier of the rule, e.g. {@code yaml-syntax}
 * @param line     1-based line in the file, 0 when the problem concerns the whole file
 * @param column   1-based column, 0 when unknown
 * @param message  what is wrong and what to do about it
 */
public record Problem(String file, String code, Severity severity, int line, int column, String message) {

    @JsonIgnore
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
