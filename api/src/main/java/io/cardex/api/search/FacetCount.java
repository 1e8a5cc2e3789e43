package io.cardex.api.search;

/** How many of the cards found have a value of a field, e.g. dataset {@code coco2017}: 12. */
public record FacetCount(String value, long count) {
}
