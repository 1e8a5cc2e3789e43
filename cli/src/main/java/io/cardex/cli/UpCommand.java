package io.cardex.cli;

import io.cardex.card.CardRules;
import io.cardex.stack.StartupFailure;
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

    @Mixin
    AssetVerificationOptions assets;

    @Mixin
    StackOptions stack;

    @Option(names = "--secured", defaultValue = "${env:CARDEX_SECURED:-false}",
            description = "Run Kafka with SASL/SCRAM users and ACLs (access.yaml): each service logs in as its own user, "
                    + "allowed only what it needs; the passwords are made at the first secured start and kept in the "
                    + "data directory, readable by its owner only. A data directory first run without it cannot be "
                    + "secured later (env CARDEX_SECURED; default ${DEFAULT-VALUE}).")
    boolean secured;

    @Override
    public Integer call() throws StartupFailure {
        CardRules rules = repositories.cardRules.cardRules();
        return new PipelineRun().securingKafka(secured).run(stack, "data",
                (kafka, workDirectory, topic, partitions) ->
                        repositories.configs(rules, kafka, workDirectory, topic, partitions, (short) 1),
                assets.verification(rules.allowedHosts()),
                (running, pipeline) -> System.out.printf("%ncardex is up: cards of %s are searchable at "
                                + "http://localhost:%d/search?q=...%n"
                                + "Webhooks, health and metrics of ingest: http://localhost:%d/webhooks/{github,gitee,gitlab}, "
                                + "/health, /metrics%nElasticsearch (for Kibana): %s   Stop: Ctrl-C%n%n",
                        String.join(", ", repositories.repositories), pipeline.apiPort(), pipeline.ingestPort(),
                        running.elasticsearchUrl()));
    }
}
