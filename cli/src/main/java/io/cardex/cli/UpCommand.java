package io.cardex.cli;

import io.cardex.card.CardRules;
import io.cardex.cardindex.CardIndexNames;
import io.cardex.cli.pipeline.Pipeline;
import io.cardex.stack.EmbeddedStack;
import io.cardex.stack.StartupFailure;
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

    @Mixin
    AssetVerificationOptions assets;

    @Mixin
    StackOptions stack;

    @Option(names = "--secured", defaultValue = "${env:CARDEX_SECURED:-false}",
            description = "Run Kafka with SASL/SCRAM users and ACLs, and Elasticsearch with security on over HTTPS "
                    + "with a CA cardex makes, both with the users of access.yaml: each service logs in as its own "
                    + "user, allowed only what it needs; the passwords are made at the first secured start and kept "
                    + "in the data directory, readable by its owner only. A data directory first run without it "
                    + "cannot be secured later (env CARDEX_SECURED; default ${DEFAULT-VALUE}).")
    boolean secured;

    @Override
    public Integer call() throws StartupFailure {
        CardRules rules = repositories.cardRules.cardRules();
        PipelineRun run = new PipelineRun().secured(secured);
        return run.run(stack, "data",
                (kafka, workDirectory, topic, partitions) ->
                        repositories.configs(rules, kafka, workDirectory, topic, partitions, (short) 1),
                assets.verification(rules.allowedHosts()),
                (running, pipeline) -> printHowToUse(running, pipeline, run.users()));
    }

    private void printHowToUse(EmbeddedStack running, Pipeline pipeline, Optional<SecuredUsers> users) {
        System.out.printf("%ncardex is up: cards of %s are searchable at http://localhost:%d/search?q=...%n"
                        + "Webhooks, health and metrics of ingest: http://localhost:%d/webhooks/{github,gitee,gitlab}, "
                        + "/health, /metrics%n",
                String.join(", ", repositories.repositories), pipeline.apiPort(), pipeline.ingestPort());
        if (users.isPresent() && running.elasticsearchCa().isPresent()) {
            // The password is asked for by curl, never written on its command line.
            System.out.printf("Elasticsearch (secured, HTTPS with a CA of cardex's own): %s%n"
                            + "  curl --cacert %s -u cardex_api %s/%s/_count%n"
                            + "  the password of each user (cardex_api: %s) is in %s; the superuser elastic's in %s%n",
                    running.elasticsearchUrl(), running.elasticsearchCa().get(), running.elasticsearchUrl(),
                    CardIndexNames.DEFAULT_ALIAS, users.get().elasticsearchPasswordVariable("cardex_api"),
                    users.get().passwordFile(), running.elasticsearchSuperuserPasswordFile().orElseThrow());
        } else {
            System.out.printf("Elasticsearch (for Kibana): %s%n", running.elasticsearchUrl());
        }
        System.out.printf("Stop: Ctrl-C%n%n");
    }
}
