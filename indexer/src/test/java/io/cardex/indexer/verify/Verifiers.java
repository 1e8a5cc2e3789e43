package io.cardex.indexer.verify;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;

/** Verifiers for tests that do not read the meters: each has a registry of its own. */
final class Verifiers {

    private Verifiers() {
    }

    static AssetVerifier of(VerifierConfig config) {
        return new AssetVerifier(config, Clock.systemUTC(), new SimpleMeterRegistry());
    }
}
