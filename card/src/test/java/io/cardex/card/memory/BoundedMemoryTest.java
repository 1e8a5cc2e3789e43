package io.cardex.card.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.cardex.card.CardRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Any card of at most the size limit parses in a heap of 256 MiB, the heap the services are
 * sized for: each shape below once made the parser keep far more than the card per node. Each
 * runs in a JVM of its own, so that its heap is the only one measured.
 */
class BoundedMemoryTest {

    private static final int LIMIT = (int) CardRules.DEFAULT_MAX_FILE_BYTES;
    private static final String HEAP = "-Xmx256m";

    @TempDir
    Path directory;

    @ParameterizedTest
    @ValueSource(strings = {"long-key-long-flow-list", "long-key-long-block-list", "explicit-keys", "deep-nesting",
            "many-aliases", "many-small-mappings"})
    void aCardUpToTheSizeLimitParsesInASmallHeap(String shape) throws Exception {
        Path card = directory.resolve(shape + ".md");
        Files.writeString(card, card(shape), StandardCharsets.UTF_8);
        assertThat(Files.size(card)).isLessThanOrEqualTo(LIMIT);

        Process parse = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-cp", System.getProperty("java.class.path"), ParseInSmallHeap.class.getName(), card.toString())
                .redirectErrorStream(true).start();
        String output = new String(parse.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(parse.waitFor(2, TimeUnit.MINUTES)).isTrue();

        assertThat(output).as(shape).doesNotContain("OutOfMemoryError").contains("problems=");
        assertThat(parse.exitValue()).isZero();
    }

    private static String card(String shape) {
        String key = "k".repeat(1000);
        return switch (shape) {
            case "long-key-long-flow-list" -> header(key + ": [" + items(",", 400_000) + "]\n");
            case "long-key-long-block-list" -> header(key + ":\n" + "- a\n".repeat(250_000));
            case "explicit-keys" -> header(IntStream.range(0, 60_000).mapToObj(i -> "? k" + i + "\n: v\n")
                    .collect(Collectors.joining()));
            case "deep-nesting" -> header(key + ": " + "[".repeat(400) + "]".repeat(400) + "\n");
            case "many-aliases" -> header("base: &b [" + items(", ", 1000) + "]\n"
                    + IntStream.range(0, 40_000).mapToObj(i -> "x" + i + ": *b\n").collect(Collectors.joining()));
            case "many-small-mappings" -> header(key + ":\n" + "- {a: b}\n".repeat(110_000));
            default -> throw new IllegalArgumentException(shape);
        };
    }

    private static String items(String separator, int count) {
        return IntStream.range(0, count).mapToObj(i -> "a").collect(Collectors.joining(separator));
    }

    private static String header(String yaml) {
        return "---\nmodel-name: big\n" + yaml + "---\n# big\n";
    }
}
