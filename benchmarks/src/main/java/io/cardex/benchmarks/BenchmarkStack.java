package io.cardex.benchmarks;

import static io.cardex.benchmarks.Terminal.deleteTree;
import static io.cardex.benchmarks.Terminal.say;

import io.cardex.stack.EmbeddedStack;
import io.cardex.stack.Installation;
import io.cardex.stack.StackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Runs a benchmark against a real Kafka and Elasticsearch, or Kafka alone, started for it in a
 * scratch directory, stops them and deletes the directory afterwards, also on Ctrl-C, and exits
 * with status 0 when the benchmark met its targets, 1 when it did not.
 */
public final class BenchmarkStack {

    /** A benchmark: returns whether its targets are met. */
    public interface Benchmark {
        boolean run(EmbeddedStack stack, Path scratch) throws Exception;
    }

    private BenchmarkStack() {
    }

    /** How a benchmark's servers are started. */
    private interface Start {
        void start(EmbeddedStack stack) throws Exception;
    }

    public static void runAndExit(String name, Benchmark benchmark) throws Exception {
        runAndExit(name, "Kafka and Elasticsearch", EmbeddedStack::start, benchmark);
    }

    /** Runs a benchmark that needs no index against Kafka alone: nothing else shares the machine's cores. */
    public static void runWithKafkaAloneAndExit(String name, Benchmark benchmark) throws Exception {
        runAndExit(name, "Kafka", EmbeddedStack::startKafkaAlone, benchmark);
    }

    private static void runAndExit(String name, String servers, Start start, Benchmark benchmark) throws Exception {
        // Readable by all: as root, the stack runs Elasticsearch as an unprivileged user that must enter it.
        Path scratch = Files.createTempDirectory("cardex-" + name + "-benchmark-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        EmbeddedStack stack = new EmbeddedStack(StackConfig.onFreePorts(scratch.resolve("stack")), Installation.current());
        // Kafka and Elasticsearch are child processes: stopped on Ctrl-C too, not only on return.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            deleteTree(scratch);
        }, "stop-stack"));
        boolean met;
        try {
            say("starting %s...", servers);
            start.start(stack);
            met = benchmark.run(stack, scratch);
        } finally {
            stack.close();
            deleteTree(scratch);
        }
        System.exit(met ? 0 : 1);
    }
}
