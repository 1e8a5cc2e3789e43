package io.cardex.benchmarks;

import static io.cardex.benchmarks.Terminal.say;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The machine and command a report ran with, printed beside its figures: a figure means little
 * without the CPUs it had and how busy they were.
 */
public record Machine(int processors, String cpuModel, String jdk, String command) {

    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");

    public static Machine current() {
        String jdk = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
        String command = ProcessHandle.current().info().commandLine().orElse("(command line not available)");
        return new Machine(Runtime.getRuntime().availableProcessors(), readCpuModel(), jdk, command);
    }

    /** Prints the machine and the command, and the load average now. */
    public void print() {
        say("machine: nproc %d, %s, %s", processors, cpuModel, jdk);
        say("command: %s", command);
        say("load average: %.2f", loadAverage());
    }

    /** The system's load average over the last minute: above the number of CPUs, something else competes for them. */
    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static String readCpuModel() {
        if (!Files.isReadable(CPU_INFO)) {
            return "CPU model unknown";
        }
        try (Stream<String> lines = Files.lines(CPU_INFO)) {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("CPU model unknown");
        } catch (IOException e) {
            return "CPU model unknown";
        }
    }
}
