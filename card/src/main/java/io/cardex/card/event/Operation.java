package io.cardex.card.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a commit did to a card it did not delete (a deletion is a tombstone, which has no value to
 * say so): added it, or changed a card that was there before.
 */
public enum Operation {
    @JsonProperty("create") CREATE,
    @JsonProperty("update") UPDATE
}
