package io.cardex.access;

/**
 * An access file that cannot be used: the message is one line naming the file (and the line where
 * there is one) and what to do.
 */
public final class InvalidAccessFileException extends RuntimeException {

    public InvalidAccessFileException(String message) {
        super(message);
    }
}
