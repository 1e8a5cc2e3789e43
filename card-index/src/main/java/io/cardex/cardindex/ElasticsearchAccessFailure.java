package io.cardex.cardindex;

/**
 * Elasticsearch can be reached but not used as configured, and trying again will not change that:
 * its certificate is not trusted, the user or password is wrong, or the user lacks a privilege. The
 * message is one line naming the user and what to do; it never holds a password.
 */
public final class ElasticsearchAccessFailure extends RuntimeException {

    public ElasticsearchAccessFailure(String message) {
        super(message);
    }
}
