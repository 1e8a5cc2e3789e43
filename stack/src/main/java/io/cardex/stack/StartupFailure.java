package io.cardex.stack;

/**
 * The stack or pipeline could not start. The message is one line saying why and what to do;
 * it is shown to the user as it is.
 */
public class StartupFailure extends Exception {

    public StartupFailure(String message) {
        super(message);
    }

    public StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
