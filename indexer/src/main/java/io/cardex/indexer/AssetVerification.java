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

    public static final Duration DEFAULT_RECHECK = Duration.ofDays(1);

    public AssetVerification {
        if (recheckEvery.isNegative() || recheckEvery.isZero()) {
            throw new IllegalArgumentException("the asset recheck interval must be positive, not " + recheckEvery);
        }
    }
}
