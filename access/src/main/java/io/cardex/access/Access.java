package io.cardex.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Who may do what when cardex runs secured, read from {@code access.yaml} (beside this class: the
 * one definition the compose setup and the secured tests share) with the deployment's names in
 * place of its placeholders.
 */
public record Access(ElasticsearchAccess elasticsearch, KafkaAccess kafka) {

    private static final String BUILT_IN = "access.yaml";

    public Access {
        Objects.requireNonNull(elasticsearch, "elasticsearch");
        Objects.requireNonNull(kafka, "kafka");
    }

    /** The access cardex ships with, for this deployment's names. */
    public static Access builtIn(DeploymentNames names) {
        try (InputStream in = Access.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is missing from the cardex jar: rebuild cardex");
            }
            return AccessFile.read(BUILT_IN, new String(in.readAllBytes(), StandardCharsets.UTF_8), names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The access written in {@code file}, a copy of {@code access.yaml} a deployment changed.
     *
     * @throws InvalidAccessFileException when the file cannot be read or breaks its form, saying
     *     where and what to do
     */
    public static Access read(Path file, DeploymentNames names) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidAccessFileException(file + ": cannot be read (" + e.getMessage()
                    + "): give the path of a readable access file");
        }
        return AccessFile.read(file.toString(), text, names);
    }
}
