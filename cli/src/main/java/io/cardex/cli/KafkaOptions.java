package io.cardex.cli;

import io.cardex.topics.CardChangeTopic;
import io.cardex.topics.KafkaConnection;
import io.cardex.topics.KafkaLogin;
import io.cardex.stack.StartupFailure;
import picocli.CommandLine.Option;

/** The options of every command that works with a Kafka running elsewhere. */
final class KafkaOptions {

    /** The password of {@code --kafka-user}: from the environment only, never an option the process list shows. */
    static final String PASSWORD_VARIABLE = "CARDEX_KAFKA_PASSWORD";

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...",
            defaultValue = "${env:CARDEX_KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
            description = "Kafka holding the card-changes topic (env CARDEX_KAFKA_BOOTSTRAP_SERVERS; "
                    + "default ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--topic", paramLabel = "TOPIC", defaultValue = "${env:CARDEX_TOPIC:-" + CardChangeTopic.DEFAULT_NAME + "}",
            description = "Topic of card changes; ingest creates it when missing (env CARDEX_TOPIC; "
                    + "default ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--kafka-user", paramLabel = "USER", defaultValue = "${env:CARDEX_KAFKA_USER}",
            description = "Kafka user to log in as with SASL/SCRAM, its password in the environment variable "
                    + PASSWORD_VARIABLE + " (env CARDEX_KAFKA_USER; default: no login, for a broker that asks none).")
    String user;

    @Option(names = "--kafka-security-protocol", paramLabel = "PROTOCOL",
            defaultValue = "${env:CARDEX_KAFKA_SECURITY_PROTOCOL:-" + KafkaLogin.DEFAULT_SECURITY_PROTOCOL + "}",
            description = "With --kafka-user: SASL_PLAINTEXT, or SASL_SSL for a broker with TLS whose certificate the "
                    + "JVM trusts (env CARDEX_KAFKA_SECURITY_PROTOCOL; default ${DEFAULT-VALUE}).")
    String securityProtocol;

    @Option(names = "--kafka-sasl-mechanism", paramLabel = "MECHANISM",
            defaultValue = "${env:CARDEX_KAFKA_SASL_MECHANISM:-" + KafkaLogin.DEFAULT_MECHANISM + "}",
            description = "With --kafka-user: SCRAM-SHA-512 or SCRAM-SHA-256 (env CARDEX_KAFKA_SASL_MECHANISM; "
                    + "default ${DEFAULT-VALUE}).")
    String mechanism;

    /**
     * How the services reach Kafka, with the login when a user is given.
     *
     * @throws StartupFailure naming the setting to fix: a password without a user, a user without a
     *     password, or the example password of {@code .env.example}
     */
    KafkaConnection connection() throws StartupFailure {
        String password = System.getenv(PASSWORD_VARIABLE);
        if (user == null || user.isBlank()) {
            if (password != null && !password.isEmpty()) {
                throw new StartupFailure(PASSWORD_VARIABLE + " is set but no Kafka user: set CARDEX_KAFKA_USER "
                        + "(or --kafka-user), or unset " + PASSWORD_VARIABLE);
            }
            return KafkaConnection.open(bootstrapServers);
        }
        if (password != null && password.regionMatches(true, 0, HttpUrlConverter.EXAMPLE_PASSWORD, 0,
                HttpUrlConverter.EXAMPLE_PASSWORD.length())) {
            throw new StartupFailure(PASSWORD_VARIABLE + " holds an example password of .env.example: "
                    + "set a password of your own");
        }
        try {
            return KafkaConnection.as(bootstrapServers, new KafkaLogin(user, password, securityProtocol, mechanism));
        } catch (IllegalArgumentException e) {
            throw new StartupFailure(e.getMessage(), e);
        }
    }
}
