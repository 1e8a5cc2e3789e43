package io.cardex.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import io.cardex.service.http.ProblemDetails;
import org.junit.jupiter.api.Test;

class ElasticsearchRefusalsTest {

    @Test
    void aMissingIndexIsUnavailableUntilTheIndexerCreatesIt() {
        ProblemDetails problem = ElasticsearchRefusals.problemFor(refusal(404, "index_not_found_exception", "no such index"));

        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.detail()).contains("created when the indexer first starts");
    }

    @Test
    void aSearchElasticsearchCannotRunIsTheRequestsProblem() {
        ProblemDetails problem = ElasticsearchRefusals.problemFor(
                refusal(400, "search_phase_execution_exception", "too_many_nested_clauses"));

        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).contains("too_many_nested_clauses").contains("simplify");
    }

    @Test
    void busyFailingOrForbiddenIsUnavailableNeverAnInternalError() {
        assertThat(ElasticsearchRefusals.problemFor(refusal(429, "es_rejected_execution_exception", "queue full"))
                .status()).isEqualTo(503);
        assertThat(ElasticsearchRefusals.problemFor(refusal(503, "search_phase_execution_exception", "all shards failed"))
                .status()).isEqualTo(503);
        assertThat(ElasticsearchRefusals.problemFor(refusal(403, "security_exception", "unauthorized"))
                .status()).isEqualTo(503);
    }

    private static ElasticsearchException refusal(int status, String type, String reason) {
        return new ElasticsearchException("search", ErrorResponse.of(r -> r.status(status)
                .error(e -> e.type(type).reason(reason))));
    }
}
