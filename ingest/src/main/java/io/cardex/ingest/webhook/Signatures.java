package io.cardex.ingest.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The cryptography webhook senders prove themselves with. */
final class Signatures {

    private static final String HMAC_SHA256 = "HmacSHA256";

    private Signatures() {
    }

    static byte[] hmacSha256(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC_SHA256));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides " + HMAC_SHA256, e);
        }
    }

    /** Compares in constant time, so that response times do not reveal how much of a guess was right. */
    static boolean equal(String expected, String presented) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
