package io.cardex.cli;

import io.cardex.card.CardRules;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** The hosts links may point at: checked in cards by ingest, and the only ones the asset verifier downloads from. */
final class AllowedHostsOptions {

    @Option(names = "--allowed-hosts", paramLabel = "HOST", split = ",",
            defaultValue = "${env:CARDEX_ALLOWED_HOSTS:-" + CardRules.DEFAULT_ALLOWED_HOSTS_LIST + "}",
            description = "Hosts a repo-link or asset-link may point at, comma-separated; their sub-domains are allowed too "
                    + "(env CARDEX_ALLOWED_HOSTS; default ${DEFAULT-VALUE}).")
    List<String> allowedHosts;

    Set<String> hosts() {
        return Set.copyOf(allowedHosts);
    }
}
