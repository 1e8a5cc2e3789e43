package io.cardex.card.internals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The training datasets the MindSpore Hub checker knows. Real cards outgrow this closed list,
 * so a dataset missing from it is a warning, never an error.
 */
public final class KnownDatasets {

    private static final Set<String> NAMES = load();

    private KnownDatasets() {
    }

    /** Whether the dataset is known, ignoring case, spaces and punctuation ("MS COCO" is "mscoco"). */
    public static boolean contains(String dataset) {
        return NAMES.contains(normalise(dataset));
    }

    private static String normalise(String name) {
        StringBuilder letters = new StringBuilder(name.length());
        name.codePoints().filter(Character::isLetterOrDigit).map(Character::toLowerCase).forEach(letters::appendCodePoint);
        return letters.toString();
    }

    private static Set<String> load() {
        try (InputStream in = KnownDatasets.class.getResourceAsStream("known-datasets.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(KnownDatasets::normalise).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the list of known datasets", e);
        }
    }
}
