package io.cardex.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The {@code elasticsearch:} section of access.yaml as the files of Elasticsearch's file realm
 * ({@code roles.yml}, {@code users}, {@code users_roles} in its config directory), for an
 * Elasticsearch whose security index cannot be written, such as the integration-test distribution.
 * Elasticsearch's built-in users ({@code reserved_users}) are not the file realm's and are left out.
 */
public final class ElasticsearchFileRealm {

    /** Elasticsearch's own default for its {@code PBKDF2} hashes (PBKDF2 with HMAC-SHA512, a 256-bit key). */
    static final int ITERATIONS = 10_000;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
    private static final SecureRandom RANDOM = new SecureRandom();

    private ElasticsearchFileRealm() {
    }

    /**
     * The three files by name, each user's password hashed as Elasticsearch verifies it.
     *
     * @throws IllegalArgumentException when a password is missing or an example, naming its variable
     */
    public static Map<String, String> files(ElasticsearchAccess access, PasswordVariables passwords) {
        StringBuilder users = new StringBuilder();
        Map<String, TreeSet<String>> usersByRole = new TreeMap<>();
        new TreeMap<>(access.users()).forEach((name, user) -> {
            users.append(name).append(':').append(hash(passwords.require(name, user.password()))).append('\n');
            user.roles().forEach(role -> usersByRole.computeIfAbsent(role, r -> new TreeSet<>()).add(name));
        });
        List<String> usersRoles = new ArrayList<>();
        usersByRole.forEach((role, names) -> usersRoles.add(role + ":" + String.join(",", names) + "\n"));
        return Map.of("roles.yml", roles(access), "users", users.toString(), "users_roles", String.join("", usersRoles));
    }

    /** {@code {PBKDF2}<iterations>$<salt>$<key>}, salt and key in Base64, as Elasticsearch's PBKDF2 hasher writes them. */
    static String hash(String password) {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        return "{PBKDF2}" + ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(pbkdf2(password, salt, ITERATIONS));
    }

    static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make PBKDF2WithHmacSHA512 hashes", e);
        }
    }

    private static String roles(ElasticsearchAccess access) {
        try {
            return access.roles().isEmpty() ? "" : YAML.writeValueAsString(new TreeMap<>(access.roles()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
