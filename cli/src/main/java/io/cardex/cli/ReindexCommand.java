package io.cardex.cli;

import io.cardex.indexer.IndexerConfig;
import io.cardex.indexer.BulkSettings;
import io.cardex.indexer.reindex.Reindexer;
import io.cardex.stack.StartupFailure;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cardex reindex}: a new version of the card index, built from the card topic, swapped in. */
@Command(name = "reindex", sortOptions = false,
        description = {"Build a new version of the card index from the card-changes topic and move the alias to it "
                + "in one step; searches and the indexer keep working meanwhile.",
                "Use it after an upgrade changed the index mapping. The old version is kept."})
final class ReindexCommand implements Callable<Integer> {

    @Mixin
    KafkaOptions kafka;

    @Mixin
    ElasticsearchOptions elasticsearch;

    @Override
    public Integer call() throws StartupFailure {
        IndexerConfig config = new IndexerConfig(kafka.connection(), kafka.topic, "cardex-reindex", elasticsearch.url,
                elasticsearch.index, BulkSettings.DEFAULT, Optional.empty()).withElasticsearchCa(elasticsearch.ca());
        try {
            Reindexer.Result result = new Reindexer(config).run();
            System.out.printf("alias %s now points at %s (%d records; %d unreadable, %d refused); %s is kept%n",
                    elasticsearch.index.alias(), result.newIndex(), result.records(), result.unreadable(),
                    result.refused(), result.oldIndex());
            return 0;
        } catch (IOException | RuntimeException e) {
            throw new StartupFailure("reindex failed: " + e.getMessage() + " (is Kafka at " + kafka.bootstrapServers
                    + " and Elasticsearch at " + elasticsearch.redactedUrl() + " running?)", e);
        }
    }
}
