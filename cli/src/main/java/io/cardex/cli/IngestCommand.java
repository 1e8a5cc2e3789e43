package io.cardex.cli;

import io.cardex.card.CardRules;
import io.cardex.service.http.ServiceServer;
import io.cardex.topics.CardChangeTopic;
import io.cardex.ingest.IngestConfig;
import io.cardex.ingest.IngestService;
import io.cardex.ingest.RepositoryConfig;
import io.cardex.ingest.IngestPass;
import io.cardex.ingest.RepositoryIngest;
import io.cardex.stack.StackConfig;
import io.cardex.stack.StartupFailure;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cardex ingest}: the ingest service alone, publishing to a Kafka that runs elsewhere. */
@Command(name = "ingest", sortOptions = false,
        description = {"Publish the changes of card repositories to Kafka: a snapshot first, then every new commit, "
                + "found by polling or announced by a webhook.",
                "Webhook secrets come from the environment: " + WebhookSecrets.GITHUB + ", " + WebhookSecrets.GITEE
                        + ", " + WebhookSecrets.GITLAB + "; a receiver without one is off."})
final class IngestCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(IngestCommand.class);

    @Mixin
    RepositoryOptions repositories;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--partitions", paramLabel = "N", converter = CountConverter.class,
            defaultValue = "${env:CARDEX_TOPIC_PARTITIONS:-" + CardChangeTopic.DEFAULT_PARTITIONS + "}",
            description = "Partitions of the topic when ingest creates it: at most this many indexers share the work. "
                    + "Choose before the first run; an existing topic keeps its own (env CARDEX_TOPIC_PARTITIONS; "
                    + "default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--replication-factor", paramLabel = "N", converter = CountConverter.class,
            defaultValue = "${env:CARDEX_TOPIC_REPLICATION_FACTOR:-1}",
            description = "Copies of each partition when ingest creates the topic, at most the number of brokers; "
                    + "a write is acknowledged once all copies but one have it "
                    + "(env CARDEX_TOPIC_REPLICATION_FACTOR; default ${DEFAULT-VALUE}).")
    int replicationFactor;

    @Option(names = "--work-dir", paramLabel = "DIR", defaultValue = "${env:CARDEX_WORK_DIR}",
            description = "Where clones and the publish cursor are kept (env CARDEX_WORK_DIR; "
                    + "default ~/.cardex/ingest, or /var/lib/cardex/ingest as root).")
    Path workDirectory;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "${env:CARDEX_INGEST_HOST:-" + ServiceServer.DEFAULT_HOST + "}",
            description = "Address of webhooks, /health and /metrics; 0.0.0.0 for every interface "
                    + "(env CARDEX_INGEST_HOST; default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:CARDEX_INGEST_PORT:-" + IngestConfig.DEFAULT_PORT + "}",
            description = "Port of webhooks, /health and /metrics (env CARDEX_INGEST_PORT; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--once", description = "Publish what changed since the last run, then exit (no server, no polling).")
    boolean once;

    @Override
    public Integer call() throws StartupFailure {
        CardRules rules = repositories.cardRules.cardRules();
        Path work = workDirectory != null ? workDirectory.toAbsolutePath().normalize()
                : StackConfig.defaultDataDirectory("ingest");
        IngestService ingest;
        try {
            List<RepositoryConfig> configs = repositories.configs(rules, kafka.connection(), work, kafka.topic, partitions,
                    (short) replicationFactor);
            ingest = new IngestService(new IngestConfig(configs, host, port, WebhookSecrets.fromEnvironment()));
        } catch (IllegalArgumentException e) {
            throw new StartupFailure(e.getMessage(), e);
        }
        return once ? publishOnce(ingest) : serve(ingest);
    }

    /** Each repository once: exit status 1 when one of them failed, after trying all. */
    private static int publishOnce(IngestService ingest) {
        int failures = 0;
        try (ingest) {
            for (RepositoryIngest repository : ingest.repositories()) {
                try {
                    IngestPass pass = repository.runOnce();
                    System.out.printf("%s: %d changes published (%d upserts, %d deletions), up to %s%n",
                            repository.repositoryName(), pass.changes(), pass.upserts(), pass.deletions(),
                            pass.to().orElse("an empty branch"));
                } catch (Exception e) {
                    log.debug("ingest of {} failed", repository.repositoryName(), e);
                    System.err.printf("cardex: ingest of %s failed: %s%n", repository.repositoryName(), e.getMessage());
                    failures++;
                }
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private static int serve(IngestService ingest) throws StartupFailure {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ingest.close();
            stopped.countDown();
        }, "cardex-shutdown"));
        try {
            ingest.start();
        } catch (RuntimeException e) {
            throw new StartupFailure(e.getMessage() + ": choose another address or port with --host and --port", e);
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
