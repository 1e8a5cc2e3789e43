package io.cardex.cli;

import io.cardex.card.CardRules;
import io.cardex.stack.StartupFailure;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cardex up}: the whole pipeline for card repositories on the embedded stack. */
@Command(name = "up", sortOptions = false,
        description = "Run Kafka, Elasticsearch, ingest, indexer and the search API for card repositories.")
final class UpCommand implements Callable<Integer> {

    @Mixin
    RepositoryOptions repositories;

    @Mixin
    AssetVerificationOptions assets;

    @Mixin
    StackOptions stack;

    @Override
    public Integer call() throws StartupFailure {
        CardRules rules = repositories.cardRules.cardRules();
        return new PipelineRun().run(stack, "data",
                (bootstrapServers, workDirectory, topic, partitions) ->
                        repositories.configs(rules, bootstrapServers, workDirectory, topic, partitions, (short) 1),
                assets.verification(rules.allowedHosts()),
                (running, pipeline) -> System.out.printf("%ncardex is up: cards of %s are searchable at "
                                + "http://localhost:%d/search?q=...%n"
                                + "Webhooks, health and metrics of ingest: http://localhost:%d/webhooks/{github,gitee,gitlab}, "
                                + "/health, /metrics%nElasticsearch (for Kibana): %s   Stop: Ctrl-C%n%n",
                        String.join(", ", repositories.repositories), pipeline.apiPort(), pipeline.ingestPort(),
                        running.elasticsearchUrl()));
    }
}
