package io.cardex.indexer.verify.internals;

import io.cardex.cardindex.AssetStatus;

/** Why an asset could not be verified: the status it gets and the message its card author reads. */
public record Failure(AssetStatus status, String message) {
}
