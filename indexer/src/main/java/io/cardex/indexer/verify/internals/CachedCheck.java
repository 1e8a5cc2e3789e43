package io.cardex.indexer.verify.internals;

import io.cardex.cardindex.AssetCheck;

/** A check and what identifies the file version it read, so that a recheck can ask whether it changed. */
public record CachedCheck(AssetCheck check, Validators validators) {
}
