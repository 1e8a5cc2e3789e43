package io.cardex.api.http;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.cardex.service.http.ProblemDetails;

/**
 * What the API answers when Elasticsearch refuses one of its requests. None of these is the
 * API's own failure, so none is a 500: a query Elasticsearch cannot run is the request's problem
 * (400), anything else (a missing index, busy or failing shards, a user without the right) is
 * Elasticsearch's state, which passes or which an operator fixes (503, try again later).
 */
final class ElasticsearchRefusals {

    private static final int BAD_REQUEST = 400;

    private ElasticsearchRefusals() {
    }

    static ProblemDetails problemFor(ElasticsearchException e) {
        String type = e.error() == null ? "" : e.error().type();
        if ("index_not_found_exception".equals(type)) {
            return ProblemDetails.of(503, "Search unavailable",
                    "the card index does not exist yet: it is created when the indexer first starts");
        }
        if (e.status() == BAD_REQUEST) {
            return ProblemDetails.of(400, "Bad request", "Elasticsearch cannot run this search (" + reason(e)
                    + "): simplify the words or filters");
        }
        return ProblemDetails.of(503, "Search unavailable", "Elasticsearch cannot answer right now (status "
                + e.status() + ", " + reason(e) + "); try again in a few seconds");
    }

    /** The type and reason Elasticsearch gave, never the request or a stack. */
    static String reason(ElasticsearchException e) {
        if (e.error() == null) {
            return "no reason given";
        }
        return e.error().reason() == null ? e.error().type() : e.error().type() + ": " + e.error().reason();
    }
}
