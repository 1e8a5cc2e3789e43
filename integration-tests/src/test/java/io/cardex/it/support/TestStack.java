package io.cardex.it.support;

import io.cardex.stack.EmbeddedStack;
import io.cardex.stack.Installation;
import io.cardex.stack.StackConfig;
import io.cardex.stack.StartupFailure;
import java.nio.file.Path;

/**
 * The real Kafka and Elasticsearch every integration test uses: started on free ports by the
 * first test that asks, stopped when the test run ends ({@link StackSessionListener}). Tests
 * keep out of each other's way with {@link UniqueNames}, not with servers of their own.
 */
public final class TestStack {

    private static EmbeddedStack stack;
    private static Path dataDirectory;
    private static IllegalStateException startFailure;

    private TestStack() {
    }

    /** The running stack; a stack that failed to start fails every test that asks, with the same reason. */
    public static synchronized EmbeddedStack get() {
        if (startFailure != null) {
            throw startFailure;
        }
        if (stack == null) {
            dataDirectory = TempDirectories.create("cardex-it-stack-");
            try {
                EmbeddedStack started = new EmbeddedStack(StackConfig.onFreePorts(dataDirectory), Installation.current());
                started.start();
                stack = started;
            } catch (StartupFailure e) {
                TempDirectories.delete(dataDirectory);
                startFailure = new IllegalStateException("the test stack did not start: " + e.getMessage(), e);
                throw startFailure;
            }
        }
        return stack;
    }

    static synchronized void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
            TempDirectories.delete(dataDirectory);
        }
    }
}
