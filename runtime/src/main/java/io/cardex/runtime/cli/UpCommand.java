package io.cardex.runtime.cli;

import io.cardex.indexer.AssetVerification;
import io.cardex.indexer.verify.VerifierConfig;
import io.cardex.runtime.stack.StartupFailure;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cardex up}: the whole pipeline for card repositories on the embedded stack. */
@Command(name = "up", sortOptions = false,
        description = "Run Kafka, Elasticsearch, ingest, indexer and the search API for card repositories.")
final class UpCommand implements Callable<Integer> {

    @Mixin
    RepositoryOptions repositories;

    @Option(names = "--verify-assets", defaultValue = "${env:CARDEX_VERIFY_ASSETS:-false}",
            description = "Download every asset of every card and check its SHA-256 (env CARDEX_VERIFY_ASSETS; "
                    + "default ${DEFAULT-VALUE}): only from the allowed hosts, never from private addresses.")
    boolean verifyAssets;

    @Option(names = "--recheck-assets-every", paramLabel = "DURATION", converter = DurationConverter.class,
            defaultValue = "${env:CARDEX_RECHECK_ASSETS_EVERY:-24h}",
            description = "With --verify-assets, how old a check may get before the asset is checked again, to find "
                    + "links that rot (env CARDEX_RECHECK_ASSETS_EVERY; default ${DEFAULT-VALUE}).")
    Duration recheckAssetsEvery;

    @Mixin
    StackOptions stack;

    @Override
    public Integer call() throws StartupFailure {
        return new PipelineRun().run(stack, "data",
                (bootstrapServers, workDirectory, topic, partitions) ->
                        repositories.configs(bootstrapServers, workDirectory, topic, partitions, (short) 1),
                verifyAssets ? Optional.of(new AssetVerification(VerifierConfig.DEFAULT.withAllowedHosts(
                        repositories.cardRules.cardRules().allowedHosts()), recheckAssetsEvery)) : Optional.empty(),
                (running, pipeline) -> System.out.printf("%ncardex is up: cards of %s are searchable at "
                                + "http://localhost:%d/search?q=...%n"
                                + "Webhooks, health and metrics of ingest: http://localhost:%d/webhooks/{github,gitee,gitlab}, "
                                + "/health, /metrics%nElasticsearch (for Kibana): %s   Stop: Ctrl-C%n%n",
                        String.join(", ", repositories.repositories), pipeline.apiPort(), pipeline.ingestPort(),
                        running.elasticsearchUrl()));
    }
}
