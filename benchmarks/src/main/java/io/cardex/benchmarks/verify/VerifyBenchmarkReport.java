package io.cardex.benchmarks.verify;

import static io.cardex.benchmarks.Terminal.deleteTree;
import static io.cardex.benchmarks.Terminal.say;

import io.cardex.benchmarks.ProcessCpu;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Measures the asset verifier's targets and says whether they are met: one large asset served from
 * loopback verified at 80% or more of the speed of {@code openssl dgst -sha256} on the same file;
 * several assets verified in parallel keeping both CPUs busy; a 2 GiB asset verified with a heap of
 * 256 MiB. The verifier runs in JVMs of its own ({@link VerifyAssets}), so the heap limit and the CPU
 * time are its own; each first verifies {@link #WARM_UPS} smaller assets, untimed, as a running indexer
 * has, and one more JVM per round measures a cold start for information. Exits with status 1 when a
 * target is missed.
 *
 * <p>Option: {@code --size <bytes>[k|m|g]}, the asset's size (default 2g, at most 4g, the verifier's
 * default limit); a smaller asset makes a quick run, but leaves the 2 GiB target unchecked.
 */
public final class VerifyBenchmarkReport {

    static final long DEFAULT_SIZE = 2L << 30;
    static final long MAX_SIZE = 4L << 30;
    static final double SPEED_TARGET = 0.80;
    static final double CPU_TARGET = 1.5;
    static final int RUNS = 3;
    static final int PARALLEL_ASSETS = 4;
    /**
     * Before the measured assets, each verifier's JVM (but the cold one's) verifies {@link #WARM_UPS} assets of
     * {@link #WARM_UP_SIZE}, as an indexer that has been running has: the JIT has compiled the download path by then.
     */
    static final int WARM_UPS = 8;
    static final long WARM_UP_SIZE = 256L << 20;
    static final String HEAP = "-Xmx256m";
    /** The HttpClient's buffer size the verifier is measured with: 64 KiB instead of its 16 KiB. */
    static final String BUFFER_SIZE = "-Djdk.httpclient.bufsize=65536";
    private static final long SEED = 20_261_126L;

    private VerifyBenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        long size = size(args);
        Path scratch = Files.createTempDirectory("cardex-verify-benchmark-");
        Thread cleaner = new Thread(() -> deleteTree(scratch), "delete-scratch");
        Runtime.getRuntime().addShutdownHook(cleaner);
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        boolean met;
        try {
            met = run(scratch, size);
        } finally {
            deleteTree(scratch);
        }
        // The ratios assume a quiet machine: a load well above 1 after the run means something else ran.
        say("load average: %.2f before the run, %.2f after (nproc %d)", loadBefore,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        System.exit(met ? 0 : 1);
    }

    private static boolean run(Path scratch, long size) throws Exception {
        Path file = scratch.resolve("asset.bin");
        Path warmUpFile = scratch.resolve("warm-up.bin");
        long warmUpSize = Math.min(WARM_UP_SIZE, size);
        say("writing %,d pseudo-random bytes (seed %d) to %s, and the first %,d of them to %s...", size, SEED, file,
                warmUpSize, warmUpFile.getFileName());
        write(file, size);
        write(warmUpFile, warmUpSize);
        say("their SHA-256, by openssl (not timed; it also brings the files into the page cache)...");
        String sha256 = openssl(file);
        String warmUpSha256 = openssl(warmUpFile);
        say("  %s", sha256);

        List<Double> openssl = new ArrayList<>();
        List<VerifierProcess.Run> warm = new ArrayList<>();
        List<VerifierProcess.Run> cold = new ArrayList<>();
        List<VerifierProcess.Run> plain = new ArrayList<>();
        try (AssetFileServer server = new AssetFileServer(file, size);
             AssetFileServer warmUpServer = new AssetFileServer(warmUpFile, warmUpSize)) {
            for (int i = 1; i <= RUNS; i++) {
                say("round %d of %d:", i, RUNS);
                long started = System.nanoTime();
                String again = openssl(file);
                double seconds = (System.nanoTime() - started) / 1e9;
                if (!again.equals(sha256)) {
                    throw new IllegalStateException("openssl gave another SHA-256 for the same file: " + again);
                }
                openssl.add(seconds);
                say("  %-58s %6.2f s = %,6.0f MB/s", "openssl dgst -sha256:", seconds, size / 1e6 / seconds);
                warm.add(report("verifier, " + BUFFER_SIZE + ", warm:", VerifierProcess.run(List.of(HEAP, BUFFER_SIZE),
                        warmUp(warmUpServer, warmUpSha256, "warm-" + i), sha256, List.of(server.url("warm-" + i)))));
                cold.add(report("verifier, " + BUFFER_SIZE + ", cold:", VerifierProcess.run(List.of(HEAP, BUFFER_SIZE),
                        VerifierProcess.WarmUp.NONE, sha256, List.of(server.url("cold-" + i)))));
                plain.add(report("verifier, 16 KiB buffers, warm:", VerifierProcess.run(List.of(HEAP),
                        warmUp(warmUpServer, warmUpSha256, "plain-" + i), sha256, List.of(server.url("plain-" + i)))));
            }
            say("%d assets at once, one verifier, %s, warm:", PARALLEL_ASSETS, BUFFER_SIZE);
            List<String> urls = IntStream.rangeClosed(1, PARALLEL_ASSETS).mapToObj(n -> server.url("parallel-" + n)).toList();
            VerifierProcess.WarmUp warmUp = warmUp(warmUpServer, warmUpSha256, "parallel");
            Duration serverCpuBefore = ProcessCpu.thisJvm().used();
            VerifierProcess.Run parallel = VerifierProcess.run(List.of(HEAP, BUFFER_SIZE), warmUp, sha256, urls);
            double serverCpu = ProcessCpu.thisJvm().used().minus(serverCpuBefore).toNanos() / 1e9;
            for (VerifierProcess.Asset asset : parallel.assets()) {
                say("  %s %,d bytes in %.2f s%s", asset.status(), asset.bytes(), asset.seconds(),
                        asset.error() == null ? "" : ": " + asset.error());
            }
            // The server shares the machine: on loopback the kernel's sending work is charged to it.
            say("  all in %.2f s wall, %.2f s CPU in the verifier's JVM; the servers' JVM used %.2f s CPU meanwhile"
                    + " (warm-ups included)", parallel.wallSeconds(), parallel.cpuSeconds(), serverCpu);
            return summarize(size, warmUpSize, openssl, warm, cold, plain, parallel);
        }
    }

    private static VerifierProcess.WarmUp warmUp(AssetFileServer server, String sha256, String name) {
        return new VerifierProcess.WarmUp(WARM_UPS, sha256, server.url("warm-up-" + name));
    }

    private static boolean summarize(long size, long warmUpSize, List<Double> openssl, List<VerifierProcess.Run> warm,
                                     List<VerifierProcess.Run> cold, List<VerifierProcess.Run> plain,
                                     VerifierProcess.Run parallel) {
        double opensslMbs = size / 1e6 / median(openssl, seconds -> seconds);
        double warmMbs = size / 1e6 / median(warm, VerifierProcess.Run::firstAssetSeconds);
        double coldMbs = size / 1e6 / median(cold, VerifierProcess.Run::firstAssetSeconds);
        double plainMbs = size / 1e6 / median(plain, VerifierProcess.Run::firstAssetSeconds);
        double ratio = warmMbs / opensslMbs;
        boolean allWarmVerified = warm.stream().allMatch(run -> run.allVerified(size));
        boolean fastEnough = allWarmVerified && ratio >= SPEED_TARGET;
        boolean parallelVerified = parallel.allVerified(size);
        boolean bothCores = parallelVerified && parallel.cpuPerWall() >= CPU_TARGET;
        List<VerifierProcess.Run> all = Stream.of(warm, cold, plain, List.of(parallel)).flatMap(List::stream).toList();
        boolean heapChecked = size >= DEFAULT_SIZE;
        boolean heapMet = all.stream().allMatch(run -> run.allVerified(size) && run.warmUpsVerified(warmUpSize));
        long maxHeap = warm.get(0).maxHeapBytes();
        long peakHeap = all.stream().mapToLong(VerifierProcess.Run::peakHeapBytes).max().orElse(0);
        int assets = all.stream().mapToInt(run -> run.assets().size()).sum();
        int warmUps = all.stream().mapToInt(run -> run.warmUps().size()).sum();

        System.out.println();
        say("one asset: verifier %,.0f MB/s / openssl %,.0f MB/s = %.0f%% (%s: at least %.0f%%)",
                warmMbs, opensslMbs, 100 * ratio, fastEnough ? "PASS" : "FAIL", 100 * SPEED_TARGET);
        say("           medians of %d runs of %,d bytes, alternating; openssl %s, verifier %s", RUNS, size,
                seconds(openssl), seconds(warm.stream().map(VerifierProcess.Run::firstAssetSeconds).toList()));
        say("           warm: the verifier's JVM had verified %d assets of %,d bytes before, as a running indexer has",
                WARM_UPS, warmUpSize);
        say("           cold, a JVM's first asset: %,.0f MB/s = %.0f%% of openssl (for information; runs %s)",
                coldMbs, 100 * coldMbs / opensslMbs, seconds(cold.stream().map(VerifierProcess.Run::firstAssetSeconds).toList()));
        say("           without %s: %,.0f MB/s = %.0f%% of openssl (for information; runs %s)", BUFFER_SIZE,
                plainMbs, 100 * plainMbs / opensslMbs, seconds(plain.stream().map(VerifierProcess.Run::firstAssetSeconds).toList()));
        say("parallel: %d assets, CPU time / wall time = %.2f s / %.2f s = %.2f (%s: at least %.1f on %d CPUs)",
                PARALLEL_ASSETS, parallel.cpuSeconds(), parallel.wallSeconds(), parallel.cpuPerWall(),
                bothCores ? "PASS" : "FAIL", CPU_TARGET, Runtime.getRuntime().availableProcessors());
        say("           %,.0f MB/s together; %s", PARALLEL_ASSETS * size / 1e6 / parallel.wallSeconds(),
                parallelVerified ? "all VERIFIED" : "NOT all verified");
        if (heapChecked) {
            say("heap: %d assets of %,d bytes (and %d warm-ups of %,d) VERIFIED with %s (max heap %.0f MiB, old generation"
                            + " at most %.0f MiB) (%s)", assets, size, warmUps, warmUpSize, HEAP, maxHeap / 1048576.0,
                    peakHeap / 1048576.0, heapMet ? "PASS" : "FAIL");
        } else {
            say("heap: NOT CHECKED, the asset is %,d bytes, under 2 GiB (run without --size); old generation at most %.0f MiB of a %.0f MiB heap",
                    size, peakHeap / 1048576.0, maxHeap / 1048576.0);
        }
        return fastEnough && bothCores && (!heapChecked || heapMet);
    }


    private static VerifierProcess.Run report(String label, VerifierProcess.Run run) {
        VerifierProcess.Asset asset = run.assets().get(0);
        say("  %-58s %6.2f s = %,6.0f MB/s, %s%s", label, asset.seconds(), asset.megabytesPerSecond(), asset.status(),
                asset.error() == null ? "" : ": " + asset.error());
        return run;
    }

    /** Writes {@code size} bytes from a seeded generator, so every run hashes the same file. */
    private static void write(Path file, long size) throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long left = size;
            while (left > 0) {
                buffer.clear();
                while (buffer.remaining() >= Long.BYTES) {
                    buffer.putLong(random.nextLong());
                }
                buffer.flip();
                buffer.limit((int) Math.min(buffer.limit(), left));
                left -= buffer.remaining();
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
        }
    }

    /** {@code openssl dgst -sha256 -r FILE}: the file's SHA-256 in hex. */
    private static String openssl(Path file) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("openssl", "dgst", "-sha256", "-r", file.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("openssl dgst failed with status " + process.exitValue());
        }
        return output.substring(0, output.indexOf(' '));
    }

    private static long size(String[] args) {
        long size = DEFAULT_SIZE;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value;
            if (arg.startsWith("--size=")) {
                value = arg.substring("--size=".length());
            } else if (arg.equals("--size") && i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'; the only option is --size <bytes>[k|m|g]");
            }
            size = parseSize(value);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("--size must be between 1 byte and 4g (the verifier's default limit), not "
                    + size);
        }
        return size;
    }

    static long parseSize(String value) {
        String lower = value.trim().toLowerCase(Locale.ROOT);
        int shift = switch (lower.isEmpty() ? ' ' : lower.charAt(lower.length() - 1)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        String digits = shift == 0 ? lower : lower.substring(0, lower.length() - 1);
        try {
            return Long.parseLong(digits) << shift;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--size must be a number of bytes, with k, m or g, not '" + value + "'");
        }
    }

    private static <T> double median(List<T> runs, ToDoubleFunction<T> seconds) {
        double[] sorted = runs.stream().mapToDouble(seconds).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static String seconds(List<Double> values) {
        return values.stream().map(s -> String.format(Locale.ROOT, "%.2f s", s)).toList().toString();
    }
}
