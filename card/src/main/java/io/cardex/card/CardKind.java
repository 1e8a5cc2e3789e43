package io.cardex.card;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a card describes: a trained model (a hub card), or a research paper (a paper page). */
public enum CardKind {
    @JsonProperty("model") MODEL,
    @JsonProperty("paper") PAPER
}
