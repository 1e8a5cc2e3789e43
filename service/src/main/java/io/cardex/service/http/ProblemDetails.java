package io.cardex.service.http;

/** An error answer in the RFC 9457 format ({@code application/problem+json}), the same from every service. */
public record ProblemDetails(String type, String title, int status, String detail) {

    public static final String CONTENT_TYPE = "application/problem+json";

    public static ProblemDetails of(int status, String title, String detail) {
        return new ProblemDetails("about:blank", title, status, detail);
    }
}
