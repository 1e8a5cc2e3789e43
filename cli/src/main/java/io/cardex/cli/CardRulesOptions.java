package io.cardex.cli;

import io.cardex.card.CardRules;
import io.cardex.stack.StartupFailure;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of every command that reads cards. Each can also be set by environment variable. */
final class CardRulesOptions {

    @Option(names = "--max-card-size", paramLabel = "SIZE", converter = ByteSizeConverter.class,
            defaultValue = "${env:CARDEX_MAX_CARD_SIZE:-1MiB}",
            description = "Largest card file read; a larger one is reported, not read "
                    + "(env CARDEX_MAX_CARD_SIZE; default ${DEFAULT-VALUE}).")
    long maxCardBytes;

    @Mixin
    HubRulesOptions hubRules;

    /** @throws StartupFailure when the rules file is refused */
    CardRules cardRules() throws StartupFailure {
        return new CardRules(maxCardBytes, hubRules.hubRules());
    }
}
