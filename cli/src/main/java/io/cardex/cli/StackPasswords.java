package io.cardex.cli;

import io.cardex.access.PasswordVariables;
import io.cardex.stack.StartupFailure;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The passwords of {@code up --secured}, by the name of the variable access.yaml gives each: made at
 * the first secured start and kept in the data directory, readable by its owner only, because the
 * servers' storage (Kafka's super user, the SCRAM credentials) must go on matching them. They never
 * travel on a command line.
 */
final class StackPasswords {

    static final String FILE = "passwords.properties";
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Map<String, String> passwords;

    private StackPasswords(Path file, Map<String, String> passwords) {
        this.file = file;
        this.passwords = Map.copyOf(passwords);
    }

    /** The file of the stack in {@code dataDirectory}. */
    static Path file(Path dataDirectory) {
        return dataDirectory.resolve(FILE);
    }

    /** The passwords kept in {@code dataDirectory}, with a new one made for each name that has none yet. */
    static StackPasswords load(Path dataDirectory, Collection<String> names) throws StartupFailure {
        Path file = file(dataDirectory);
        Properties kept = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    kept.load(in);
                }
            }
            boolean added = false;
            for (String name : names) {
                if (kept.getProperty(name) == null) {
                    kept.setProperty(name, randomPassword());
                    added = true;
                }
            }
            if (added) {
                write(file, kept);
            }
        } catch (IOException e) {
            throw new StartupFailure("cannot keep the passwords in " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> passwords = new HashMap<>();
        kept.stringPropertyNames().forEach(name -> passwords.put(name, kept.getProperty(name)));
        return new StackPasswords(file, passwords);
    }

    private static void write(Path file, Properties passwords) throws IOException {
        Files.createDirectories(file.getParent());
        StringWriter text = new StringWriter();
        passwords.store(text, "passwords of the users of cardex up --secured; keep them with the data");
        // Created private before a password is written into it, never widened afterwards.
        Path fresh = file.resolveSibling(FILE + ".new");
        Files.deleteIfExists(fresh);
        Files.createFile(fresh, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(fresh, text.toString(), StandardCharsets.UTF_8);
        Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Letters and digits only: they go into URLs and the broker's JAAS settings as they are. */
    private static String randomPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            password.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
        }
        return password.toString();
    }

    String get(String name) {
        String password = passwords.get(name);
        if (password == null) {
            throw new IllegalArgumentException("no password named " + name + " in " + file);
        }
        return password;
    }

    /** The passwords as the variables access.yaml names. */
    PasswordVariables variables() {
        return new PasswordVariables(passwords);
    }

    Path file() {
        return file;
    }
}
