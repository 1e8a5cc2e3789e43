package io.cardex.api;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardex.api.health.Readiness;
import io.cardex.api.health.ReadinessCheck;
import io.cardex.api.http.ProblemDetails;
import io.cardex.api.http.RequestMetrics;
import io.cardex.api.search.CardLookup;
import io.cardex.api.search.InvalidQueryException;
import io.cardex.api.search.SearchParameters;
import io.cardex.api.search.SearchService;
import io.cardex.api.search.SimilarCards;
import io.cardex.api.search.SimilarQuery;
import io.cardex.api.search.SimilarResult;
import io.cardex.api.search.SuggestService;
import io.cardex.api.stats.ConsumerLag;
import io.cardex.api.stats.StatsService;
import io.cardex.card.CardexJson;
import io.cardex.cardindex.CardDocument;
import io.cardex.cardindex.ElasticsearchConnection;
import io.cardex.cardindex.UrlCredentials;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP API: thin handlers that read the request, call a service and write its answer. */
public final class ApiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    /** Seconds a client should wait before asking again while Elasticsearch is unreachable. */
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    /** What this API answers, in OpenAPI 3.1; OpenApiIT holds it to the real answers. */
    private static final byte[] OPENAPI = openApiDocument();
    private static final ObjectMapper JSON = CardexJson.newMapper();

    private final ApiConfig config;
    private final ElasticsearchConnection elasticsearch;
    private final SearchService search;
    private final SuggestService suggestions;
    private final CardLookup cards;
    private final SimilarCards similarCards;
    private final Optional<ConsumerLag> consumerLag;
    private final StatsService stats;
    private final ReadinessCheck readiness;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Javalin app;

    public ApiServer(ApiConfig config) {
        this.config = config;
        this.elasticsearch = new ElasticsearchConnection(config.elasticsearchUrl());
        this.search = new SearchService(elasticsearch.client(), config.index());
        this.suggestions = new SuggestService(elasticsearch.client(), config.index());
        this.cards = new CardLookup(elasticsearch.client(), config.index());
        this.similarCards = new SimilarCards(elasticsearch.client(), config.index());
        this.consumerLag = config.kafka().map(ConsumerLag::new);
        this.stats = new StatsService(elasticsearch.client(), config.index(), consumerLag);
        this.readiness = new ReadinessCheck(elasticsearch.client(), config.index());
        this.app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.requestLogger.http(new RequestMetrics(registry));
            allowBrowsers(javalin, config.corsOrigins());
            javalin.routes.get("/search", this::search);
            // Before /cards/<key>, which would take ".../similar" as part of the key. A key has
            // exactly four parts, so a card named "similar" still reaches /cards/<key>.
            javalin.routes.get("/cards/{repository}/{user_id}/{version}/{name}/similar", this::similar);
            javalin.routes.get("/cards/<key>", this::card);
            javalin.routes.get("/suggest", ctx ->
                    json(ctx, Map.of("suggestions", suggestions.suggest(ctx.queryParam("prefix")))));
            javalin.routes.get("/stats", ctx -> json(ctx, stats.stats()));
            javalin.routes.get("/health", ctx -> json(ctx, Map.of("status", "up")));
            javalin.routes.get("/ready", this::ready);
            javalin.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
            javalin.routes.get("/openapi.json", ctx -> ctx.contentType(ContentType.APPLICATION_JSON).result(OPENAPI));
            javalin.routes.exception(InvalidQueryException.class, (e, ctx) ->
                    problem(ctx, ProblemDetails.of(400, "Bad request", e.getMessage())));
            javalin.routes.exception(ElasticsearchException.class, ApiServer::elasticsearchRefused);
            javalin.routes.exception(IOException.class, (e, ctx) -> {
                log.warn("Elasticsearch cannot answer a search: {}", e.getMessage().lines().findFirst().orElse(""));
                ctx.header("Retry-After", RETRY_AFTER_SECONDS);
                problem(ctx, ProblemDetails.of(503, "Search unavailable",
                        "the card index cannot be reached right now; try again in a few seconds"));
            });
            javalin.routes.exception(Exception.class, ApiServer::failed);
        });
    }

    public void start() {
        app.start(config.host(), config.port());
    }

    /** The port listened on, useful when the configuration asked for any free port. */
    public int port() {
        return app.port();
    }

    /** The templates of the GET routes, such as {@code /cards/<key>}: what the OpenAPI document must describe. */
    List<String> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream().map(route -> route.endpoint)
                .filter(endpoint -> HandlerType.GET.equals(endpoint.method)).map(endpoint -> endpoint.path).toList();
    }

    private void search(Context ctx) throws IOException {
        json(ctx, search.search(SearchParameters.parse(ctx.queryParamMap())));
    }

    /** The whole card: fields, asset checks, problems, source, Chinese text. */
    private void card(Context ctx) throws IOException {
        String key = ctx.pathParam("key");
        Optional<CardDocument> card = cards.find(key);
        if (card.isPresent()) {
            json(ctx, card.get());
        } else {
            noSuchCard(ctx, key);
        }
    }

    private static void noSuchCard(Context ctx, String key) {
        problem(ctx, ProblemDetails.of(404, "No such card", "no card has the key '" + key
                + "' (<repository>/<user-id>/<version>/<name>): find it with /search?q=..."));
    }

    private void similar(Context ctx) throws IOException {
        String key = String.join("/", ctx.pathParam("repository"), ctx.pathParam("user_id"), ctx.pathParam("version"),
                ctx.pathParam("name"));
        SimilarQuery query = SimilarQuery.parse(key, ctx.queryParamMap());
        Optional<SimilarResult> similar = similarCards.find(query);
        if (similar.isPresent()) {
            json(ctx, similar.get());
        } else {
            noSuchCard(ctx, key);
        }
    }

    /** Ready to answer searches: Elasticsearch answers and the card index exists. */
    private void ready(Context ctx) {
        Readiness state = readiness.check();
        switch (state) {
            case READY -> json(ctx, Map.of("status", "ready"));
            case ELASTICSEARCH_UNREACHABLE -> notReady(ctx, "Elasticsearch cannot be reached at "
                    + UrlCredentials.redact(config.elasticsearchUrl()));
            case INDEX_MISSING -> notReady(ctx, "the card index '" + config.index().alias()
                    + "' does not exist yet: it is created when the indexer first starts");
        }
    }

    private static void notReady(Context ctx, String detail) {
        ctx.header("Retry-After", RETRY_AFTER_SECONDS);
        problem(ctx, ProblemDetails.of(503, "Not ready", detail));
    }

    /**
     * Lets the pages of the given origins call the API from a browser. Retry-After is exposed so
     * that a page can wait as long as a 503 asks; browsers hide every other header from scripts.
     */
    private static void allowBrowsers(JavalinConfig javalin, List<String> origins) {
        if (origins.isEmpty()) {
            return;
        }
        javalin.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
            if (origins.contains("*")) {
                rule.anyHost();
            } else {
                rule.allowHost(origins.get(0), origins.subList(1, origins.size()).toArray(String[]::new));
            }
            rule.exposeHeader("Retry-After");
        }));
    }

    private static byte[] openApiDocument() {
        try (InputStream document = ApiServer.class.getResourceAsStream("openapi.json")) {
            return Objects.requireNonNull(document, "openapi.json is missing beside ApiServer").readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("openapi.json cannot be read", e);
        }
    }

    private static void elasticsearchRefused(ElasticsearchException e, Context ctx) {
        if ("index_not_found_exception".equals(e.error().type())) {
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            problem(ctx, ProblemDetails.of(503, "Search unavailable",
                    "the card index does not exist yet: it is created when the indexer first starts"));
        } else {
            failed(e, ctx);
        }
    }

    private static void failed(Exception e, Context ctx) {
        log.error("request {} failed", ctx.path(), e);
        problem(ctx, ProblemDetails.of(500, "Internal error", "the request failed; the server log says why"));
    }

    private static void problem(Context ctx, ProblemDetails problem) {
        json(ctx.status(problem.status()), problem);
        ctx.contentType(ProblemDetails.CONTENT_TYPE);
    }

    /**
     * Writes the answer as UTF-8 JSON bytes in one go. Javalin's own {@code ctx.json} makes a
     * string first and encodes it afterwards, which cost a search page about a tenth of the API's
     * CPU time.
     */
    private static void json(Context ctx, Object body) {
        try {
            ctx.contentType(ContentType.APPLICATION_JSON).result(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("an answer cannot be written as JSON", e);
        }
    }

    @Override
    public void close() {
        app.stop();
        consumerLag.ifPresent(ConsumerLag::close);
        registry.close();
        elasticsearch.close();
    }
}
