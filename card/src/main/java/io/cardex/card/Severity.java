package io.cardex.card;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How bad a {@link Problem} is: an error makes the card invalid, a warning does not. */
public enum Severity {
    @JsonProperty("error") ERROR,
    @JsonProperty("warning") WARNING
}
