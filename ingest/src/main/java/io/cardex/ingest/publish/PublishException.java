package io.cardex.ingest.publish;

/** Some changes were not acknowledged by Kafka; they will be published again. */
public class PublishException extends Exception {

    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}
