package io.cardex.benchmarks.verify;

import static io.cardex.benchmarks.Terminal.say;

import io.cardex.benchmarks.ProcessCpu;
import io.cardex.indexer.verify.AssetVerifier;
import io.cardex.indexer.verify.VerifierConfig;
import io.cardex.cardindex.AssetCheck;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Verifies loopback URLs all at once with the indexer's {@link AssetVerifier}, as the indexer would,
 * and prints one {@code asset} line per URL and one {@code process} line: the wall and CPU time of the
 * verification, the heap limit and the most the old generation held. {@link VerifyBenchmarkReport} runs it in a JVM
 * of its own, so that the heap limit and the CPU time are the verifier's alone.
 *
 * <p>Arguments: optionally {@code --warm-up <count> <sha256> <url>}, assets the same verifier checks one after
 * the other before the measured ones, as a running indexer has (each at {@code <url>-<n>}, one {@code warm-up}
 * line each); then the expected SHA-256, then one or more URLs.
 */
public final class VerifyAssets {

    private VerifyAssets() {
    }

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        int warmUps = 0;
        String warmUpSha256 = null;
        String warmUpUrl = null;
        if (arguments.size() >= 4 && arguments.get(0).equals("--warm-up")) {
            warmUps = Integer.parseInt(arguments.get(1));
            warmUpSha256 = arguments.get(2);
            warmUpUrl = arguments.get(3);
            arguments = arguments.subList(4, arguments.size());
        }
        if (arguments.size() < 2) {
            System.err.println("usage: VerifyAssets [--warm-up <count> <sha256> <url>] <sha256> <url>...");
            System.exit(2);
        }
        String sha256 = arguments.get(0);
        List<String> urls = arguments.subList(1, arguments.size());
        VerifierConfig config = VerifierConfig.builder()
                .allowedHosts(Set.of("127.0.0.1"))
                .allowLoopback(true)
                .maxBytes(VerifierConfig.DEFAULT_MAX_BYTES)
                .concurrency(Math.max(VerifierConfig.DEFAULT.concurrency(), urls.size())).build();
        ProcessCpu thisJvm = ProcessCpu.thisJvm();
        try (AssetVerifier verifier = new AssetVerifier(config, Clock.systemUTC(), new SimpleMeterRegistry())) {
            for (int n = 1; n <= warmUps; n++) {
                print("warm-up", verifier.verify(warmUpUrl + "-" + n, warmUpSha256).join());
            }
            Duration cpuBefore = thisJvm.used();
            long started = System.nanoTime();
            List<CompletableFuture<AssetCheck>> checks = urls.stream().map(url -> verifier.verify(url, sha256)).toList();
            List<AssetCheck> done = checks.stream().map(CompletableFuture::join).toList();
            long wall = System.nanoTime() - started;
            long cpu = thisJvm.used().minus(cpuBefore).toNanos();
            done.forEach(check -> print("asset", check));
            say("process wall=%.4f cpu=%.4f max-heap=%d peak-heap=%d", wall / 1e9, cpu / 1e9,
                    Runtime.getRuntime().maxMemory(), peakHeapUsed());
        }
    }

    private static void print(String kind, AssetCheck check) {
        say("%s status=%s bytes=%d seconds=%.4f url=%s%s", kind, check.status(), check.bytes(),
                check.duration().toNanos() / 1e9, check.url(), check.error() == null ? "" : " error=" + check.error());
    }

    /**
     * The most the old generation held: what survived collections, so what the verifier kept. The
     * young generation fills with the HTTP client's spent buffers up to the heap limit and is
     * emptied again; its peak says nothing about what is kept.
     */
    private static long peakHeapUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .filter(pool -> pool.getName().contains("Old") || pool.getName().contains("Tenured"))
                .map(MemoryPoolMXBean::getPeakUsage)
                .mapToLong(usage -> usage.getUsed())
                .sum();
    }
}
