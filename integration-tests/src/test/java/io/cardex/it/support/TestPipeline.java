package io.cardex.it.support;

import io.cardex.topics.KafkaConnection;
import io.cardex.api.ApiConfig;
import io.cardex.card.CardRules;
import io.cardex.indexer.AssetVerification;
import io.cardex.indexer.IndexerConfig;
import io.cardex.indexer.BulkSettings;
import io.cardex.ingest.IngestConfig;
import io.cardex.ingest.RepositoryConfig;
import io.cardex.ingest.git.RepositorySource;
import io.cardex.ingest.WebhookSettings;
import io.cardex.cli.pipeline.Pipeline;
import io.cardex.stack.EmbeddedStack;
import io.cardex.stack.StartupFailure;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The whole pipeline in the test's JVM over one local card repository, on the shared test stack:
 * ingest names the repository {@code hub} and polls it every 200 ms, the indexer checks no
 * assets, ingest and the API listen on free ports. A test changes only what it is about.
 */
public final class TestPipeline {

    private final UniqueNames names;
    private final Path work;
    private final EmbeddedStack stack = TestStack.get();
    private RepositorySource source;
    private URI indexerElasticsearch = stack.elasticsearchUrl();
    private Optional<AssetVerification> verification = Optional.empty();
    private List<String> corsOrigins = List.of();

    private TestPipeline(CardRepositoryFixture repository, UniqueNames names, Path work) {
        this.names = names;
        this.work = work;
        this.source = new RepositorySource.Local(repository.directory());
    }

    /** @param work where ingest keeps its clone and cursor */
    public static TestPipeline over(CardRepositoryFixture repository, UniqueNames names, Path work) {
        return new TestPipeline(repository, names, work);
    }

    /** Ingest clones the repository from this URL and fetches from it, as from a remote. */
    public TestPipeline cloningFrom(URI url) {
        this.source = RepositorySource.parse(url.toString());
        return this;
    }

    /** The indexer reaches Elasticsearch at this address, e.g. a proxy the test can cut; the API does not. */
    public TestPipeline indexerReachingElasticsearchAt(URI url) {
        this.indexerElasticsearch = url;
        return this;
    }

    public TestPipeline verifyingAssets(AssetVerification settings) {
        this.verification = Optional.of(settings);
        return this;
    }

    public TestPipeline allowingOrigins(List<String> origins) {
        this.corsOrigins = List.copyOf(origins);
        return this;
    }

    public RepositoryConfig ingest() {
        return new RepositoryConfig(source, "hub", Optional.empty(),
                Optional.empty(), Duration.ofMillis(200), work, KafkaConnection.open(stack.kafkaBootstrapServers()), names.topic(), 3,
                (short) 1, CardRules.DEFAULT);
    }

    public IndexerConfig indexer() {
        return new IndexerConfig(KafkaConnection.open(stack.kafkaBootstrapServers()), names.topic(), names.consumerGroup(),
                indexerElasticsearch, names.index(), BulkSettings.DEFAULT, verification);
    }

    public ApiConfig api() {
        return new ApiConfig("127.0.0.1", 0, stack.elasticsearchUrl(), names.index()).withCorsOrigins(corsOrigins);
    }

    public Pipeline start() throws StartupFailure {
        return Pipeline.start(new IngestConfig(List.of(ingest()), "127.0.0.1", 0, WebhookSettings.none()), indexer(),
                api());
    }
}
