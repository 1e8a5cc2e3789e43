package io.cardex.cli;

import io.cardex.card.CardRules;
import io.cardex.ingest.RepositoryConfig;
import io.cardex.ingest.git.RepositorySource;
import io.cardex.topics.KafkaConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options of every command that ingests card repositories. */
final class RepositoryOptions {

    /** {@code hub=https://...}: a name, then the location. A URL's own ':' comes after a '/' or '@'. */
    private static final Pattern NAMED = Pattern.compile("([a-z0-9][a-z0-9._-]{0,63})=(.+)");

    @Option(names = "--repo", required = true, paramLabel = "[NAME=]PATH|URL", defaultValue = "${env:CARDEX_REPO}",
            description = {"A card repository: a local git repository, or a git URL to clone (env CARDEX_REPO).",
                    "Repeat it to ingest several into one index; NAME= names its cards' keys "
                            + "(default: the last part of the path or URL)."})
    List<String> repositories;

    @Option(names = "--branch", paramLabel = "BRANCH", defaultValue = "${env:CARDEX_BRANCH}",
            description = "Branch to follow (env CARDEX_BRANCH; default: the checked-out branch, or the remote's default).")
    String branch;

    @Option(names = "--cards-root", paramLabel = "DIR", defaultValue = "${env:CARDEX_CARDS_ROOT}",
            description = "Folder of the repository holding the cards (env CARDEX_CARDS_ROOT; default: "
                    + "mshub_res/assets when present, else the repository root).")
    String cardsRoot;

    @Option(names = "--poll-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "${env:CARDEX_POLL_INTERVAL:-2s}",
            description = "How often to look for new commits (env CARDEX_POLL_INTERVAL; default ${DEFAULT-VALUE}).")
    Duration pollInterval;

    @Mixin
    CardRulesOptions cardRules;

    /**
     * The ingest of every repository, checking cards with {@code rules} ({@link #cardRules}, read once at start),
     * publishing to one topic and keeping its state in one work directory.
     */
    List<RepositoryConfig> configs(CardRules rules, KafkaConnection kafka, Path workDirectory, String topic, int partitions,
                               short replicationFactor) {
        List<RepositoryConfig> configs = new ArrayList<>();
        for (String repository : repositories) {
            Matcher named = NAMED.matcher(repository);
            boolean hasName = named.matches() && !named.group(2).startsWith("//");
            RepositorySource source = RepositorySource.parse(hasName ? named.group(2) : repository);
            configs.add(new RepositoryConfig(source, hasName ? named.group(1) : source.defaultName(),
                    Optional.ofNullable(branch), Optional.ofNullable(cardsRoot), pollInterval, workDirectory,
                    kafka, topic, partitions, replicationFactor, rules));
        }
        return configs;
    }
}
