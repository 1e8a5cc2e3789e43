package io.cardex.api.http;

import io.cardex.api.health.PipelineHealth;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.cardex.api.ApiConfig;
import io.cardex.api.health.Readiness;
import io.cardex.api.health.ReadinessCheck;
import io.cardex.api.search.CardLookup;
import io.cardex.api.search.Grouping;
import io.cardex.api.search.InvalidQueryException;
import io.cardex.api.search.ModelLookup;
import io.cardex.api.search.ModelVersions;
import io.cardex.api.search.SearchParameters;
import io.cardex.api.search.SearchQuery;
import io.cardex.api.search.SearchService;
import io.cardex.api.search.SimilarCards;
import io.cardex.api.search.SimilarQuery;
import io.cardex.api.search.SimilarResult;
import io.cardex.api.search.SuggestService;
import io.cardex.api.stats.RecentStats;
import io.cardex.card.ModelKey;
import io.cardex.cardindex.CardDocument;
import io.cardex.cardindex.UrlCredentials;
import io.cardex.service.http.Answers;
import io.cardex.service.http.ProblemDetails;
import io.javalin.config.JavalinConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's own routes: thin handlers that read the request, call a service and write its
 * answer, and the problems that expected failures (a bad query, Elasticsearch out of reach)
 * become. Health, metrics and the answer to a bug are the {@code ServiceServer}'s.
 */
public final class ApiRoutes {

    private static final Logger log = LoggerFactory.getLogger(ApiRoutes.class);
    /** Seconds a client should wait before asking again while Elasticsearch is unreachable. */
    private static final String RETRY_AFTER_SECONDS = "5";
    /** What this API answers, in OpenAPI 3.1; OpenApiIT holds it to the real answers. */
    private static final byte[] OPENAPI = openApiDocument();

    private final ApiConfig config;
    private final SearchService search;
    private final SuggestService suggestions;
    private final CardLookup cards;
    private final SimilarCards similarCards;
    private final ModelLookup models;
    private final RecentStats stats;
    private final ReadinessCheck readiness;
    private final PipelineHealth pipeline;
    private final SearchPage page = new SearchPage();

    public ApiRoutes(ApiConfig config, SearchService search, SuggestService suggestions, CardLookup cards,
                     SimilarCards similarCards, ModelLookup models, RecentStats stats, ReadinessCheck readiness,
                     PipelineHealth pipeline) {
        this.config = config;
        this.search = search;
        this.suggestions = suggestions;
        this.cards = cards;
        this.similarCards = similarCards;
        this.models = models;
        this.stats = stats;
        this.readiness = readiness;
        this.pipeline = pipeline;
    }

    /** Adds the routes, their exception mapping and CORS to the server being configured. */
    public void register(JavalinConfig javalin) {
        allowBrowsers(javalin, config.corsOrigins());
        javalin.routes.get("/search", this::search);
        // Before /cards/<key>, which would take ".../similar" as part of the key. A key has any
        // number of parts, so the handler still answers a card named "similar" when there is one.
        javalin.routes.get("/cards/<key>/similar", this::similar);
        javalin.routes.get("/cards/<key>", this::card);
        javalin.routes.get("/models/{repository}/{user_id}/{name}", this::model);
        javalin.routes.get("/suggest", ctx ->
                Answers.json(ctx, Map.of("suggestions", suggestions.suggest(ctx.queryParam("prefix")))));
        javalin.routes.get("/stats", ctx -> Answers.json(ctx, stats.stats()));
        javalin.routes.get("/ready", this::ready);
        javalin.routes.get("/openapi.json", ctx -> ctx.contentType(ContentType.APPLICATION_JSON).result(OPENAPI));
        javalin.routes.get("/", page::index);
        javalin.routes.get("/page/{file}", page::file);
        javalin.routes.exception(InvalidQueryException.class, (e, ctx) ->
                Answers.problem(ctx, ProblemDetails.of(400, "Bad request", e.getMessage())));
        javalin.routes.exception(ElasticsearchException.class, ApiRoutes::elasticsearchRefused);
        javalin.routes.exception(IOException.class, (e, ctx) -> {
            log.warn("Elasticsearch cannot answer a search: {}", e.getMessage().lines().findFirst().orElse(""));
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
            Answers.problem(ctx, ProblemDetails.of(503, "Search unavailable",
                    "the card index cannot be reached right now; try again in a few seconds"));
        });
    }

    private void search(Context ctx) throws IOException {
        SearchQuery query = SearchParameters.parse(ctx.queryParamMap());
        Answers.json(ctx, query.grouping() == Grouping.CARD ? search.search(query) : search.searchModels(query));
    }

    /** The whole card: fields, asset checks, problems, source, Chinese text. */
    private void card(Context ctx) throws IOException {
        String key = ctx.pathParam("key");
        Optional<CardDocument> card = cards.find(key);
        if (card.isPresent()) {
            Answers.json(ctx, card.get());
        } else {
            noSuchCard(ctx, key);
        }
    }

    /** Every version of a model, newest first. */
    private void model(Context ctx) throws IOException {
        String key = ctx.pathParam("repository") + "/" + ctx.pathParam("user_id") + "/" + ctx.pathParam("name");
        Optional<ModelVersions> versions = Optional.empty();
        try {
            versions = models.find(new ModelKey(ctx.pathParam("repository"), ctx.pathParam("user_id"), ctx.pathParam("name")));
        } catch (IllegalArgumentException noModelCouldHaveIt) {
            // A repository, user or name no card could have: as unknown as any other model.
        }
        if (versions.isPresent()) {
            Answers.json(ctx, versions.get());
        } else {
            Answers.problem(ctx, ProblemDetails.of(404, "No such model", "no model has the key '" + key
                    + "' (<repository>/<user-id>/<name>, as the 'model' of a hit of /search): find it with /search?q=..."));
        }
    }

    private static void noSuchCard(Context ctx, String key) {
        Answers.problem(ctx, ProblemDetails.of(404, "No such card", "no card has the key '" + key
                + "' (<repository>/<user-id>/.../<name>): find it with /search?q=..."));
    }

    /**
     * The cards like one card; but a card whose own key ends in {@code /similar} (a card named
     * "similar") is that card, as {@code /cards/<key>} would answer.
     */
    private void similar(Context ctx) throws IOException {
        String key = ctx.pathParam("key");
        SimilarQuery query = SimilarQuery.parse(key, ctx.queryParamMap());
        Optional<CardDocument> named = cards.find(key + "/similar");
        if (named.isPresent()) {
            Answers.json(ctx, named.get());
            return;
        }
        Optional<SimilarResult> similar = similarCards.find(query);
        if (similar.isPresent()) {
            Answers.json(ctx, similar.get());
        } else {
            noSuchCard(ctx, key);
        }
    }

    /** Ready to answer searches: Elasticsearch answers and the card index exists. */
    private void ready(Context ctx) {
        Readiness state = readiness.check();
        switch (state) {
            case READY -> {
                List<String> troubles = pipeline.troubles();
                if (troubles.isEmpty()) {
                    Answers.json(ctx, Map.of("status", "ready"));
                } else {
                    notReady(ctx, String.join("; ", troubles));
                }
            }
            case ELASTICSEARCH_UNREACHABLE -> notReady(ctx, "Elasticsearch cannot be reached at "
                    + UrlCredentials.redact(config.elasticsearchUrl()));
            case INDEX_MISSING -> notReady(ctx, "the card index '" + config.index().alias()
                    + "' does not exist yet: it is created when the indexer first starts");
        }
    }

    private static void notReady(Context ctx, String detail) {
        ctx.header("Retry-After", RETRY_AFTER_SECONDS);
        Answers.problem(ctx, ProblemDetails.of(503, "Not ready", detail));
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
        try (InputStream document = ApiRoutes.class.getResourceAsStream("openapi.json")) {
            return Objects.requireNonNull(document, "openapi.json is missing beside ApiRoutes").readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("openapi.json cannot be read", e);
        }
    }

    private static void elasticsearchRefused(ElasticsearchException e, Context ctx) {
        ProblemDetails problem = ElasticsearchRefusals.problemFor(e);
        if (problem.status() == 503) {
            log.warn("Elasticsearch refused a request of {} ({}): {}", ctx.path(), e.status(),
                    ElasticsearchRefusals.reason(e));
            ctx.header("Retry-After", RETRY_AFTER_SECONDS);
        }
        Answers.problem(ctx, problem);
    }
}
