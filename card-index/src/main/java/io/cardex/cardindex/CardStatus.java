package io.cardex.cardindex;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a card passed validation; invalid cards are indexed too, so they can be found and fixed. */
public enum CardStatus {
    @JsonProperty("valid") VALID,
    @JsonProperty("invalid") INVALID
}
