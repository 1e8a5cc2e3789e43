package io.cardex.indexer.verify.internals;

import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;

/** What a server said identifies a version of a file (ETag, Last-Modified), to ask later whether it changed. */
public record Validators(String etag, String lastModified) {

    public static final Validators NONE = new Validators(null, null);

    public static Validators of(HttpHeaders headers) {
        return new Validators(headers.firstValue("ETag").orElse(null),
                headers.firstValue("Last-Modified").orElse(null));
    }

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }

    /** Makes the request conditional: the server answers 304 Not Modified if the file is unchanged. */
    public HttpRequest.Builder applyTo(HttpRequest.Builder request) {
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.header("If-Modified-Since", lastModified);
        }
        return request;
    }
}
