package io.cardex.it.support;

import io.cardex.stack.Installation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The cardex command line run as a separate process, exactly as the launcher script runs it, so
 * that tests can see what a user sees: its output, its exit code, the processes it leaves.
 */
public final class CardexProcess {

    private final Process process;
    private final Path output;

    private CardexProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    public static CardexProcess start(Path output, String... arguments) {
        Path home = Installation.current().home();
        Path cli = home.resolve("cli/target");
        try {
            String classpath = cli.resolve("cardex.jar") + ":"
                    + Files.readString(cli.resolve("classpath.txt")).strip();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-D" + Installation.HOME_PROPERTY + "=" + home, "-cp", classpath, "io.cardex.cli.Cardex"));
            command.addAll(List.of(arguments));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile())).start();
            return new CardexProcess(process, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything the process printed so far. */
    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every process cardex started and that still runs (servers, their launchers). */
    public List<ProcessHandle> children() {
        return process.descendants().toList();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGTERM, as a service manager or Ctrl-C would, and waits for the exit code. */
    public int terminate(Duration timeout) {
        process.destroy();
        return awaitExit(timeout);
    }

    /** Kills the process at once (SIGKILL), as a crash or the kernel's out-of-memory killer would. */
    public int kill(Duration timeout) {
        process.destroyForcibly();
        return awaitExit(timeout);
    }

    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("cardex did not exit within " + timeout + "; output:\n" + output());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
