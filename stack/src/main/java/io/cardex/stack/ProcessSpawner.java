package io.cardex.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts child processes that cannot outlive cardex. Each child is started through util-linux's
 * {@code setpriv --pdeathsig}, so the kernel signals it when cardex dies, even by SIGKILL.
 *
 * <p>The kernel ties that signal to the <em>thread</em> that started the child, so every child is
 * started from one thread that lives as long as the JVM.
 */
final class ProcessSpawner {

    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final ExecutorService SPAWNING_THREAD = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "cardex-process-spawner");
        thread.setDaemon(true);
        return thread;
    });

    private ProcessSpawner() {
    }

    /** The signal the child gets when cardex dies: TERM lets it shut down cleanly, KILL does not wait. */
    enum DeathSignal { TERM, KILL }

    static void requireSetprivWhenRoot() throws StartupFailure {
        if (ServiceUser.isRoot() && !Files.isExecutable(SETPRIV)) {
            throw new StartupFailure("running as root, cardex needs " + SETPRIV
                    + " to run Elasticsearch as an unprivileged user: install util-linux");
        }
    }

    static Process spawn(ProcessBuilder builder, Optional<ServiceUser> user, DeathSignal deathSignal)
            throws IOException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(SETPRIV)) {
            command.add(SETPRIV.toString());
            user.ifPresent(runAs -> command.addAll(List.of(
                    "--reuid=" + runAs.name(), "--regid=" + runAs.name(), "--init-groups")));
            command.addAll(List.of("--pdeathsig", deathSignal.name(), "--"));
        }
        command.addAll(builder.command());
        ProcessBuilder wrapped = builder.command(command);
        try {
            return SPAWNING_THREAD.submit(wrapped::start).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("cannot start " + command.get(0), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + builder.command(), e);
        }
    }
}
