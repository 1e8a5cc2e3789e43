package io.cardex.indexer.index;

/** A write Elasticsearch refused for this document alone (mapping error, too large). */
public record Rejection(IndexAction action, String reason) {
}
