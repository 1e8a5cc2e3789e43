package io.cardex.card;

/**
 * A file below the cards root that is not part of any card, and why.
 *
 * @param path the file's path, from the repository root (ingest) or as the user named it (validate)
 */
public record SkippedFile(String path, SkipReason reason) {
}
