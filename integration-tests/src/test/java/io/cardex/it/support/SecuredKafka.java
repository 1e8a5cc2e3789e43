package io.cardex.it.support;

import io.cardex.stack.EmbeddedKafka;
import io.cardex.stack.Installation;
import io.cardex.stack.KafkaSecurity;
import io.cardex.stack.Ports;
import io.cardex.stack.StartupFailure;
import io.cardex.topics.KafkaConnection;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * A real Kafka broker secured as a deployment runs it (SASL/SCRAM, its authorizer on, nothing
 * allowed without an ACL), beside the open one of {@link TestStack}: started by the first test
 * that asks, stopped when the test run ends ({@link StackSessionListener}).
 */
public final class SecuredKafka {

    private static final String SUPER_USER = "admin";
    private static EmbeddedKafka broker;
    private static Path dataDirectory;
    private static IllegalStateException startFailure;

    private SecuredKafka() {
    }

    /** The running broker; one that failed to start fails every test that asks, with the same reason. */
    public static synchronized EmbeddedKafka get() {
        if (startFailure != null) {
            throw startFailure;
        }
        if (broker == null) {
            dataDirectory = TempDirectories.create("cardex-it-secured-kafka-");
            EmbeddedKafka started = new EmbeddedKafka(Installation.current(), dataDirectory, Ports.free(),
                    Optional.of(new KafkaSecurity(SUPER_USER, randomPassword())));
            try {
                started.start();
                broker = started;
            } catch (StartupFailure e) {
                TempDirectories.delete(dataDirectory);
                startFailure = new IllegalStateException("the secured Kafka did not start: " + e.getMessage(), e);
                throw startFailure;
            }
        }
        return broker;
    }

    /** The broker's super user, who grants the others their ACLs. */
    public static KafkaConnection superUser() {
        return get().superUser();
    }

    /** A password of letters and digits, new for each run: no test depends on a password written down. */
    public static String randomPassword() {
        String letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append(letters.charAt(random.nextInt(letters.length())));
        }
        return password.toString();
    }

    static synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
            TempDirectories.delete(dataDirectory);
        }
    }
}
