package io.cardex.card;

/** One figure of a card's evaluation, e.g. {@code mAP} = 41.51. */
public record Metric(String name, double value) {
}
