package io.cardex.cli;

import io.cardex.access.Access;
import io.cardex.access.DeploymentNames;
import io.cardex.access.KafkaAccess;
import io.cardex.access.KafkaGrants;
import io.cardex.stack.KafkaSecurity;
import io.cardex.stack.StartupFailure;
import io.cardex.topics.KafkaConnection;
import io.cardex.topics.KafkaLogin;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka users of {@code up --secured}: the broker's super user and those of access.yaml, each
 * with a password made at the first secured start and kept in the data directory, readable by its
 * owner only, so that the broker's storage and the users' credentials go on matching.
 */
final class SecuredKafkaUsers {

    private static final Logger log = LoggerFactory.getLogger(SecuredKafkaUsers.class);
    private static final String SUPER_USER = "admin";
    private static final String FILE = "kafka-passwords.properties";
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final KafkaAccess access;
    private final Properties passwords;

    private SecuredKafkaUsers(KafkaAccess access, Properties passwords) {
        this.access = access;
        this.passwords = passwords;
    }

    /**
     * The users of the stack in {@code dataDirectory}, with the passwords of its first secured start.
     *
     * @throws StartupFailure when the directory holds a Kafka first started open, whose storage has no super user
     */
    static SecuredKafkaUsers of(Path dataDirectory, DeploymentNames names) throws StartupFailure {
        KafkaAccess access = Access.builtIn(names).kafka();
        Path file = dataDirectory.resolve(FILE);
        Properties passwords = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    passwords.load(in);
                }
            } else if (Files.exists(dataDirectory.resolve("kafka/data/meta.properties"))) {
                // The super user's credential goes into Kafka's storage when it is formatted, on the first start.
                throw new StartupFailure("the Kafka of " + dataDirectory + " was first started without --secured, so it "
                        + "has no super user: choose another --data-dir for --secured");
            }
            boolean added = addMissing(passwords, SUPER_USER);
            for (KafkaAccess.User user : access.users().values()) {
                added |= addMissing(passwords, user.password());
            }
            if (added) {
                Files.createDirectories(dataDirectory);
                StringWriter text = new StringWriter();
                passwords.store(text, "passwords of the Kafka users of cardex up --secured; keep them with the data");
                Files.deleteIfExists(file);
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new StartupFailure("cannot keep the Kafka passwords in " + file + ": " + e.getMessage(), e);
        }
        return new SecuredKafkaUsers(access, passwords);
    }

    /** How the broker is secured: its super user's password is the one kept. */
    KafkaSecurity security() {
        return new KafkaSecurity(SUPER_USER, passwords.getProperty(SUPER_USER));
    }

    /** Creates the users of access.yaml and grants them their ACLs, as the super user; again, it changes nothing. */
    void grant(KafkaConnection superUser) throws StartupFailure, InterruptedException {
        try {
            KafkaGrants.Changes changes = new KafkaGrants(access, passwords::getProperty).apply(superUser);
            if (!changes.none()) {
                log.info("Kafka users of access.yaml: credentials set for {}; {} ACLs added, {} removed",
                        changes.credentialsSet(), changes.aclsAdded(), changes.aclsRemoved());
            }
        } catch (RuntimeException e) {
            throw new StartupFailure("cannot grant the Kafka users of access.yaml: " + e.getMessage(), e);
        }
    }

    /** How the service logging in as {@code user} of access.yaml reaches Kafka. */
    KafkaConnection as(String user, String bootstrapServers) {
        return KafkaConnection.as(bootstrapServers,
                KafkaLogin.scram(user, passwords.getProperty(access.users().get(user).password())));
    }

    private static boolean addMissing(Properties passwords, String key) {
        if (passwords.getProperty(key) != null) {
            return false;
        }
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            password.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        passwords.setProperty(key, password.toString());
        return true;
    }
}
