package io.cardex.cardindex;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What checking an asset found out. */
public enum AssetStatus {
    /** The file was downloaded and its SHA-256 is the one the card gives. */
    @JsonProperty("verified") VERIFIED,
    /** The file was downloaded and its SHA-256 is not the one the card gives. */
    @JsonProperty("mismatch") MISMATCH,
    /** The file could not be downloaded: HTTP error, connection failure, time-out, bad redirects. */
    @JsonProperty("unreachable") UNREACHABLE,
    /** The file is larger than the verifier may download. */
    @JsonProperty("too_large") TOO_LARGE,
    /** The link was refused before connecting: scheme, host or address not allowed. */
    @JsonProperty("blocked") BLOCKED,
    /** Not checked yet: the indexer checks it soon. */
    @JsonProperty("pending") PENDING,
    /** Not checked: the indexer runs without asset verification; it is checked once that is turned on. */
    @JsonProperty("unchecked") UNCHECKED
}
