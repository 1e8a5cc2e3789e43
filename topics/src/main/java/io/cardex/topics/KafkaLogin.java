package io.cardex.topics;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * The Kafka user a cardex client logs in as, with SASL/SCRAM: its name, its password (from the
 * environment only), the security protocol of the broker's listener and the SCRAM mechanism.
 */
public record KafkaLogin(String user, String password, String securityProtocol, String mechanism) {

    public static final String DEFAULT_SECURITY_PROTOCOL = "SASL_PLAINTEXT";
    public static final String DEFAULT_MECHANISM = "SCRAM-SHA-512";
    private static final Set<String> PROTOCOLS = Set.of("SASL_PLAINTEXT", "SASL_SSL");
    private static final Set<String> MECHANISMS = Set.of("SCRAM-SHA-512", "SCRAM-SHA-256");

    public KafkaLogin {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("the Kafka user is empty: set CARDEX_KAFKA_USER");
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("no password for Kafka user " + user
                    + ": set CARDEX_KAFKA_PASSWORD in the environment");
        }
        if (!PROTOCOLS.contains(securityProtocol)) {
            throw new IllegalArgumentException("Kafka security protocol " + securityProtocol
                    + " is not one cardex logs in with: use SASL_PLAINTEXT or SASL_SSL");
        }
        if (!MECHANISMS.contains(mechanism)) {
            throw new IllegalArgumentException("SASL mechanism " + mechanism + " is not one cardex logs in with: "
                    + "use SCRAM-SHA-512 or SCRAM-SHA-256");
        }
    }

    /** SCRAM-SHA-512 over SASL_PLAINTEXT, as the embedded broker and the compose file run it. */
    public static KafkaLogin scram(String user, String password) {
        return new KafkaLogin(user, password, DEFAULT_SECURITY_PROTOCOL, DEFAULT_MECHANISM);
    }

    /** The client settings of this login; the password only ever travels in them, never in a log line. */
    Map<String, Object> clientSettings() {
        return Map.of(
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol,
                SaslConfigs.SASL_MECHANISM, mechanism,
                SaslConfigs.SASL_JAAS_CONFIG, jaasConfig());
    }

    /** The JAAS line of a SCRAM login, the user and password quoted as JAAS reads them. */
    String jaasConfig() {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + quoted(user)
                + "\" password=\"" + quoted(password) + "\";";
    }

    private static String quoted(String value) {
        return Objects.requireNonNull(value).replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Without the password: logins get logged with the configuration that holds them. */
    @Override
    public String toString() {
        return "KafkaLogin[user=" + user + ", password=***, securityProtocol=" + securityProtocol
                + ", mechanism=" + mechanism + "]";
    }
}
