package io.cardex.topics;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * How every cardex client reaches Kafka: the bootstrap servers, and the user it logs in as when
 * the broker asks for one (none for the open broker of {@code demo}). Producers, consumers and
 * admin clients all take their settings from here, so none of them forgets the login.
 */
public record KafkaConnection(String bootstrapServers, Optional<KafkaLogin> login) {

    public KafkaConnection {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(login, "login");
    }

    /** A broker that asks no one to log in. */
    public static KafkaConnection open(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, Optional.empty());
    }

    /** A broker that cardex logs in to as {@code login}. */
    public static KafkaConnection as(String bootstrapServers, KafkaLogin login) {
        return new KafkaConnection(bootstrapServers, Optional.of(login));
    }

    /** {@code settings} of one client, with the bootstrap servers and the login added. */
    public Map<String, Object> clientSettings(Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(settings);
        all.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        login.ifPresent(user -> all.putAll(user.clientSettings()));
        return all;
    }

    /** Who Kafka sees, for messages: the user, or ANONYMOUS without a login. */
    public String user() {
        return login.map(KafkaLogin::user).orElse("ANONYMOUS");
    }

    @Override
    public String toString() {
        return login.map(user -> user.user() + "@" + bootstrapServers).orElse(bootstrapServers);
    }
}
