package io.cardex.access;

/**
 * A password access.yaml names cannot be used: its environment variable is not set, or holds an
 * example password of {@code .env.example}. The message names the variable, never the password.
 */
public final class UnusablePasswordException extends RuntimeException {

    public UnusablePasswordException(String message) {
        super(message);
    }
}
