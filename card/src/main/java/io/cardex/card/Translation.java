package io.cardex.card;

/** A card's text in another language, from its {@code <name>_cn.md} file. */
public record Translation(Language language, String title, String summary, CardBody body) {
}
