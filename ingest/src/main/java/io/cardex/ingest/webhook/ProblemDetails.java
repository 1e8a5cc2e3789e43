package io.cardex.ingest.webhook;

/** An error answer in the RFC 9457 format ({@code application/problem+json}), shaped as the API's. */
record ProblemDetails(String type, String title, int status, String detail) {

    static final String CONTENT_TYPE = "application/problem+json";

    static ProblemDetails of(int status, String title, String detail) {
        return new ProblemDetails("about:blank", title, status, detail);
    }
}
