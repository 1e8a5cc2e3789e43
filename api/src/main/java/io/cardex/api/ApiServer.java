package io.cardex.api;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.cardex.api.http.ProblemDetails;
import io.cardex.api.search.CardLookup;
import io.cardex.api.search.InvalidQueryException;
import io.cardex.api.search.SearchParameters;
import io.cardex.api.search.SearchService;
import io.cardex.api.search.SuggestService;
import io.cardex.card.CardexJson;
import io.cardex.store.CardDocument;
import io.cardex.store.ElasticsearchConnection;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP API: thin handlers that read the request, call a service and write its answer. */
public final class ApiServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ApiServer.class);
    /** Seconds a client should wait before asking again while Elasticsearch is unreachable. */
    private static final String RETRY_AFTER_SECONDS = "5";

    private final ApiConfig config;
    private final ElasticsearchConnection elasticsearch;
    private final SearchService search;
    private final SuggestService suggestions;
    private final CardLookup cards;
    private final Javalin app;

    public ApiServer(ApiConfig config) {
        this.config = config;
        this.elasticsearch = new ElasticsearchConnection(config.elasticsearchUrl());
        this.search = new SearchService(elasticsearch.client(), config.index());
        this.suggestions = new SuggestService(elasticsearch.client(), config.index());
        this.cards = new CardLookup(elasticsearch.client(), config.index());
        this.app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.jsonMapper(new JavalinJackson(CardexJson.newMapper(), false));
            javalin.routes.get("/search", this::search);
            javalin.routes.get("/cards/<key>", this::card);
            javalin.routes.get("/suggest", ctx ->
                    ctx.json(Map.of("suggestions", suggestions.suggest(ctx.queryParam("prefix")))));
            javalin.routes.get("/health", ctx -> ctx.json(Map.of("status", "up")));
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

    private void search(Context ctx) throws IOException {
        ctx.json(search.search(SearchParameters.parse(ctx.queryParamMap())));
    }

    /** The whole card: fields, asset checks, problems, source, Chinese text. */
    private void card(Context ctx) throws IOException {
        String key = ctx.pathParam("key");
        Optional<CardDocument> card = cards.find(key);
        if (card.isPresent()) {
            ctx.json(card.get());
        } else {
            problem(ctx, ProblemDetails.of(404, "No such card", "no card has the key '" + key
                    + "' (<repository>/<user-id>/<version>/<name>): find it with /search?q=..."));
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
        ctx.status(problem.status()).json(problem).contentType(ProblemDetails.CONTENT_TYPE);
    }

    @Override
    public void close() {
        app.stop();
        elasticsearch.close();
    }
}
