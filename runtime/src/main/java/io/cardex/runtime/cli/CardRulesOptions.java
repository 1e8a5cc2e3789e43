package io.cardex.runtime.cli;

import io.cardex.card.CardRules;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** The options of every command that reads cards. Each can also be set by environment variable. */
final class CardRulesOptions {

    @Option(names = "--max-card-size", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            defaultValue = "${env:CARDEX_MAX_CARD_SIZE:-1MiB}",
            description = "Largest card file read; a larger one is reported, not read "
                    + "(env CARDEX_MAX_CARD_SIZE; default ${DEFAULT-VALUE}).")
    long maxCardBytes;

    @Option(names = "--allowed-hosts", paramLabel = "HOST", split = ",",
            defaultValue = "${env:CARDEX_ALLOWED_HOSTS:-download.mindspore.cn,www.mindspore.cn,gitee.com,github.com}",
            description = "Hosts a repo-link or asset-link may point at, comma-separated; their sub-domains are allowed too "
                    + "(env CARDEX_ALLOWED_HOSTS; default ${DEFAULT-VALUE}).")
    List<String> allowedHosts;

    CardRules cardRules() {
        return new CardRules(maxCardBytes, Set.copyOf(allowedHosts));
    }
}
