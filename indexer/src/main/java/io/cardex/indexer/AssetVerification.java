package io.cardex.indexer;

import io.cardex.indexer.verify.VerifierConfig;
import java.time.Duration;

/**
 * How the indexer checks the cards' assets.
 *
 * @param recheckEvery how old a check may get before the asset is checked again (a conditional
 *                     request: an unchanged file is not downloaded again), to find links that rot
 */
public record AssetVerification(VerifierConfig verifier, Duration recheckEvery) {

    /** The one place the default is written, read by the command line. */
    public static final String DEFAULT_RECHECK_EVERY = "24h";

    public AssetVerification {
        if (recheckEvery.isNegative() || recheckEvery.isZero()) {
            throw new IllegalArgumentException("--recheck-assets-every must be positive, not " + recheckEvery);
        }
    }
}
