package io.cardex.api;

import io.cardex.api.health.PipelineHealth;
import io.cardex.api.health.ReadinessCheck;
import io.cardex.api.http.ApiRoutes;
import io.cardex.api.search.CardLookup;
import io.cardex.api.search.ModelLookup;
import io.cardex.api.search.QueryVectors;
import io.cardex.api.search.SearchService;
import io.cardex.embedding.TextEmbedder;
import io.cardex.api.search.SimilarCards;
import io.cardex.api.search.SuggestService;
import io.cardex.api.stats.ConsumerLag;
import io.cardex.api.stats.RecentStats;
import io.cardex.api.stats.StatsService;
import io.cardex.cardindex.ElasticsearchAccessFailure;
import io.cardex.cardindex.ElasticsearchConnection;
import io.cardex.cardindex.RequiredPrivileges;
import io.cardex.service.http.Health;
import io.cardex.service.http.ServiceServer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API service as a whole: its Elasticsearch connection, the search, lookup and stats services
 * over it, and their HTTP server ({@link ApiRoutes} beside health and metrics).
 */
public final class ApiService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApiService.class);
    /** Alive as long as it answers: whether it can search is what {@code /ready} says. */
    private static final Health ALIVE = new Health(true, Map.of("status", "up"));
    /** Searching and reading the card index; {@code monitor} for the cluster's health, which {@code /ready} asks. */
    private static final List<String> CLUSTER_PRIVILEGES = List.of("monitor");
    private static final List<String> INDEX_PRIVILEGES = List.of("read", "view_index_metadata");

    private final ApiConfig config;
    private final ElasticsearchConnection elasticsearch;
    private final Optional<ConsumerLag> consumerLag;
    private final ServiceServer server;

    public ApiService(ApiConfig config) {
        this(config, PipelineHealth.NONE);
    }

    /** @param pipeline the parts running beside the API in this process, which {@code /ready} reports on */
    public ApiService(ApiConfig config, PipelineHealth pipeline) {
        this.config = config;
        this.elasticsearch = new ElasticsearchConnection(config.elasticsearchUrl(), config.elasticsearchCa());
        this.consumerLag = config.kafka().map(ConsumerLag::new);
        ApiRoutes routes = new ApiRoutes(config,
                new SearchService(elasticsearch.client(), config.index(), new QueryVectors(new TextEmbedder())),
                new SuggestService(elasticsearch.client(), config.index()),
                new CardLookup(elasticsearch.client(), config.index()),
                new SimilarCards(elasticsearch.client(), config.index()),
                new ModelLookup(elasticsearch.client(), config.index()),
                new RecentStats(new StatsService(elasticsearch.client(), config.index(), consumerLag)::stats,
                        Clock.systemUTC(), RecentStats.FRESH_FOR),
                new ReadinessCheck(elasticsearch.client(), config.index()), pipeline);
        this.server = new ServiceServer("api", new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> ALIVE,
                routes::register);
    }

    /**
     * Makes sure Elasticsearch lets the API's user read the card index, then starts listening. An
     * Elasticsearch not reachable yet is no reason not to start: {@code /ready} says so until it is.
     *
     * @throws ElasticsearchAccessFailure when Elasticsearch refuses the API's user (certificate, password, privilege)
     * @throws IllegalStateException when the configured address cannot be listened on
     */
    public void start() {
        try {
            elasticsearch.requireAccess(RequiredPrivileges.onCardIndex(config.index(), CLUSTER_PRIVILEGES,
                    INDEX_PRIVILEGES));
        } catch (IOException notReachableYet) {
            log.info("cannot check the API's access to Elasticsearch yet ({}); /ready says when it can search",
                    notReachableYet.getMessage());
        }
        server.start(config.host(), config.port());
    }

    /** The port listened on, useful when the configuration asked for any free port. */
    public int port() {
        return server.port();
    }

    /** The templates of the GET routes, such as {@code /cards/<key>}: what the OpenAPI document must describe. */
    List<String> routes() {
        return server.getRoutes();
    }

    @Override
    public void close() {
        server.close();
        consumerLag.ifPresent(ConsumerLag::close);
        elasticsearch.close();
    }
}
