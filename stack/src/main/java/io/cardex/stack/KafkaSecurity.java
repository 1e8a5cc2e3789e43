package io.cardex.stack;

import io.cardex.topics.KafkaLogin;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the embedded broker is secured: SASL/SCRAM-SHA-512 on its listener (plain text: the broker
 * listens on 127.0.0.1 only), its authorizer on, nothing allowed without an ACL, and one super
 * user, the broker's own, that also grants the others their ACLs. The super user's credential
 * goes into the storage when it is formatted, so its password must stay the same for a data
 * directory.
 */
public record KafkaSecurity(String superUser, String superUserPassword) {

    /** Letters and digits only: the password is written into the broker's JAAS settings and its storage format. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9]{16,128}");

    public KafkaSecurity {
        Objects.requireNonNull(superUser, "superUser");
        Objects.requireNonNull(superUserPassword, "superUserPassword");
        if (!PLAIN_WORD.matcher(superUser).matches()) {
            throw new IllegalArgumentException("the Kafka super user's name must be letters, digits or '_', not "
                    + superUser);
        }
        if (!PASSWORD.matcher(superUserPassword).matches()) {
            throw new IllegalArgumentException("the Kafka super user's password must be 16 to 128 letters and digits");
        }
    }

    /** The super user's login, for the admin client that grants the other users their ACLs. */
    public KafkaLogin superUserLogin() {
        return KafkaLogin.scram(superUser, superUserPassword);
    }

    @Override
    public String toString() {
        return "KafkaSecurity[superUser=" + superUser + ", superUserPassword=***]";
    }
}
