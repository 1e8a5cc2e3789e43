package io.cardex.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * The CPU time a process has used so far, as the operating system counts it: what a benchmark
 * reads before and after a load to say how much CPU each request cost, and so whether the
 * machine's cores can serve the load at all.
 */
public record ProcessCpu(String name, ProcessHandle process) {

    /** This JVM: the benchmark itself and whatever it runs in-process. */
    public static ProcessCpu thisJvm() {
        return new ProcessCpu("this JVM", ProcessHandle.current());
    }

    /**
     * The Elasticsearch server the embedded stack in the given directory started: the JVM whose
     * temporary directory is the stack's (the stack gives each Elasticsearch its own).
     */
    public static ProcessCpu elasticsearchOf(Path stackDirectory) {
        String temporaryDirectory = "-Djava.io.tmpdir=" + stackDirectory.resolve("elasticsearch").resolve("tmp");
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().arguments()
                        .map(arguments -> Arrays.asList(arguments).contains(temporaryDirectory)).orElse(false))
                .findFirst().map(process -> new ProcessCpu("Elasticsearch", process))
                .orElseThrow(() -> new IllegalStateException("no Elasticsearch process runs with " + temporaryDirectory));
    }

    public Duration used() {
        return process.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException(
                "the operating system does not tell the CPU time of " + name + " (pid " + process.pid() + ")"));
    }
}
