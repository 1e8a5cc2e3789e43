package io.cardex.indexer.meaning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IdlePriorityTest {

    /** Linux's {@code SCHED_IDLE}, as {@code /proc} shows a thread's policy. */
    private static final String IDLE = "5";

    @Test
    void theModelRunsOnThreadsThatGiveWayToEveryOtherThreadOfTheMachine() throws Exception {
        assumeTrue(Platform.isLinux(), "idle priority is Linux's");
        ForkJoinPool pool = IdlePriority.pool("test-model");
        try {
            // As the meaning stage embeds: a parallel stream started from a task of the pool.
            Set<String> policies = pool.submit(() -> IntStream.range(0, 64).parallel()
                    .mapToObj(text -> policyOfThisThread()).collect(Collectors.toSet())).get();

            assertThat(policies).containsOnly(IDLE);
        } finally {
            pool.shutdownNow();
        }
        assertThat(policyOfThisThread()).as("the caller keeps its priority").isNotEqualTo(IDLE);
    }

    private static String policyOfThisThread() {
        try {
            return Files.readAllLines(Path.of("/proc/thread-self/sched")).stream()
                    .filter(line -> line.startsWith("policy")).map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
