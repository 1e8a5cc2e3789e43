package io.cardex.cli;

import io.cardex.card.HubRules;
import io.cardex.card.InvalidRulesException;
import io.cardex.stack.StartupFailure;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The hub's rules: module types, required fields, formats, datasets and allowed hosts, from one
 * rules file; checked in cards by ingest and validate, and the allowed hosts are the only ones the
 * asset verifier downloads from. The file is read once, when the command starts.
 */
final class HubRulesOptions {

    @Option(names = "--rules", paramLabel = "FILE", defaultValue = "${env:CARDEX_RULES}",
            description = "Rules file of the hub: its module types, required fields, file formats, used-for, backends, "
                    + "datasets and allowed hosts (env CARDEX_RULES; default: MindSpore Hub's rules, built in; "
                    + "docs/cards.md shows the format).")
    Path rulesFile;

    @Option(names = "--allowed-hosts", paramLabel = "HOST", split = ",", defaultValue = "${env:CARDEX_ALLOWED_HOSTS}",
            description = "Hosts a repo-link or asset-link may point at, and assets are downloaded from, comma-separated; "
                    + "their sub-domains are allowed too. When given, replaces the allowed-hosts of the rules file "
                    + "(env CARDEX_ALLOWED_HOSTS; default: the rules file's).")
    List<String> allowedHosts;

    private HubRules rules;

    /**
     * The rules of the file given (or the built-in ones), with the allowed hosts given, if any.
     *
     * @throws StartupFailure when the rules file is refused: the message names its line and what to do
     */
    HubRules hubRules() throws StartupFailure {
        if (rules == null) {
            HubRules read;
            try {
                read = rulesFile == null ? HubRules.DEFAULT : HubRules.read(rulesFile);
            } catch (InvalidRulesException e) {
                throw new StartupFailure("the rules file is refused: " + e.getMessage(), e);
            }
            rules = allowedHosts == null ? read : read.withAllowedHosts(Set.copyOf(allowedHosts));
        }
        return rules;
    }
}
