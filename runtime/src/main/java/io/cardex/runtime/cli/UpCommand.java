package io.cardex.runtime.cli;

import io.cardex.ingest.IngestConfig;
import io.cardex.ingest.git.RepositorySource;
import io.cardex.runtime.stack.StartupFailure;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cardex up}: the whole pipeline for one card repository on the embedded stack. */
@Command(name = "up", sortOptions = false,
        description = "Run Kafka, Elasticsearch, ingest, indexer and the search API for one card repository.")
final class UpCommand implements Callable<Integer> {

    @Option(names = "--repo", required = true, paramLabel = "PATH|URL", defaultValue = "${env:CARDEX_REPO}",
            description = "The card repository: a local git repository, or a git URL to clone (env CARDEX_REPO).")
    String repository;

    @Option(names = "--repo-name", paramLabel = "NAME", defaultValue = "${env:CARDEX_REPO_NAME}",
            description = "Name its cards are keyed under (env CARDEX_REPO_NAME; default: the last part of --repo).")
    String repositoryName;

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

    @Mixin
    StackOptions stack;

    @Override
    public Integer call() throws StartupFailure {
        RepositorySource source = RepositorySource.parse(repository);
        String name = repositoryName != null ? repositoryName : source.defaultName();
        return new PipelineRun().run(stack, "data",
                (bootstrapServers, workDirectory, topic, partitions) -> new IngestConfig(source, name,
                        Optional.ofNullable(branch), Optional.ofNullable(cardsRoot), pollInterval, workDirectory,
                        bootstrapServers, topic, partitions, (short) 1, cardRules.cardRules()),
                (running, apiPort) -> System.out.printf("%ncardex is up: cards of %s are searchable at "
                        + "http://localhost:%d/search?q=...%nElasticsearch (for Kibana): %s   Stop: Ctrl-C%n%n",
                        repository, apiPort, running.elasticsearchUrl()));
    }
}
