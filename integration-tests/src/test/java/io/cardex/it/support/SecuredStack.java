package io.cardex.it.support;

import io.cardex.stack.EmbeddedStack;
import io.cardex.stack.Installation;
import io.cardex.stack.StackConfig;
import io.cardex.stack.StartupFailure;
import java.nio.file.Path;

/**
 * A second stack whose Elasticsearch runs secured (users and roles, HTTPS with a CA the stack
 * made), for the tests of what the users of access.yaml may and may not do: started by the first
 * test that asks, stopped when the test run ends ({@link StackSessionListener}).
 */
public final class SecuredStack {

    private static EmbeddedStack stack;
    private static Path dataDirectory;
    private static IllegalStateException startFailure;

    private SecuredStack() {
    }

    /** The running stack; a stack that failed to start fails every test that asks, with the same reason. */
    public static synchronized EmbeddedStack get() {
        if (startFailure != null) {
            throw startFailure;
        }
        if (stack == null) {
            dataDirectory = TempDirectories.create("cardex-it-secured-");
            try {
                EmbeddedStack started = new EmbeddedStack(
                        StackConfig.onFreePorts(dataDirectory).withSecuredElasticsearch(), Installation.current());
                started.start();
                stack = started;
            } catch (StartupFailure e) {
                TempDirectories.delete(dataDirectory);
                startFailure = new IllegalStateException("the secured test stack did not start: " + e.getMessage(), e);
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
