package io.cardex.card;

/** A downloadable file of a card, usually a checkpoint, with the digest it must have. */
public record Asset(String fileFormat, String link, String sha256) {
}
