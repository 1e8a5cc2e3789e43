package io.cardex.cli;

import io.cardex.indexer.AssetVerification;
import io.cardex.indexer.verify.VerifierConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/** The options of every command that runs an indexer: whether and how often it checks the cards' assets. */
final class AssetVerificationOptions {

    @Option(names = "--verify-assets", defaultValue = "${env:CARDEX_VERIFY_ASSETS:-false}",
            description = "Download every asset of every card and check its SHA-256 (env CARDEX_VERIFY_ASSETS; "
                    + "default ${DEFAULT-VALUE}): only from the allowed hosts, never from private addresses.")
    boolean verifyAssets;

    @Option(names = "--recheck-assets-every", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "${env:CARDEX_RECHECK_ASSETS_EVERY:-" + AssetVerification.DEFAULT_RECHECK_EVERY + "}",
            description = "With --verify-assets, how old a check may get before the asset is checked again, to find "
                    + "links that rot (env CARDEX_RECHECK_ASSETS_EVERY; default ${DEFAULT-VALUE}).")
    Duration recheckAssetsEvery;

    /** How the indexer checks assets, downloading only from {@code allowedHosts}; empty when it does not. */
    Optional<AssetVerification> verification(Set<String> allowedHosts) {
        return verifyAssets
                ? Optional.of(new AssetVerification(VerifierConfig.builder().allowedHosts(allowedHosts).build(), recheckAssetsEvery))
                : Optional.empty();
    }
}
