package io.cardex.ingest.webhook;

import io.cardex.service.http.ProblemDetails;

/** A delivery refused before it could trigger anything, with the problem to answer. */
final class RejectedDeliveryException extends Exception {

    private final transient ProblemDetails problem;

    private RejectedDeliveryException(ProblemDetails problem) {
        super(problem.detail());
        this.problem = problem;
    }

    static RejectedDeliveryException malformed(String detail) {
        return new RejectedDeliveryException(ProblemDetails.of(400, "Malformed payload", detail));
    }

    static RejectedDeliveryException unauthenticated(String detail) {
        return new RejectedDeliveryException(ProblemDetails.of(401, "Unauthorized", detail));
    }

    static RejectedDeliveryException tooLarge(long maxPayloadBytes) {
        return new RejectedDeliveryException(ProblemDetails.of(413, "Payload too large",
                "webhook payloads are limited to " + maxPayloadBytes + " bytes"));
    }

    ProblemDetails problem() {
        return problem;
    }
}
