package io.cardex.benchmarks.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs {@link VerifyAssets} in a JVM of its own, with given JVM options, and reads what it printed. */
final class VerifierProcess {

    /** One asset's check as the child JVM reported it. */
    record Asset(String status, long bytes, double seconds, String error) {

        double megabytesPerSecond() {
            return bytes / 1e6 / seconds;
        }
    }

    /**
     * What one child JVM did: its warm-up checks, its measured checks, and the wall and CPU time of verifying the
     * measured ones.
     */
    record Run(List<Asset> warmUps, List<Asset> assets, double wallSeconds, double cpuSeconds, long maxHeapBytes,
               long peakHeapBytes) {

        boolean allVerified(long expectedBytes) {
            return assets.stream().allMatch(asset -> asset.status().equals("VERIFIED") && asset.bytes() == expectedBytes);
        }

        boolean warmUpsVerified(long expectedBytes) {
            return warmUps.stream().allMatch(asset -> asset.status().equals("VERIFIED") && asset.bytes() == expectedBytes);
        }

        /** How long verifying the (first) asset took, as the verifier measured it. */
        double firstAssetSeconds() {
            return assets.get(0).seconds();
        }

        double cpuPerWall() {
            return cpuSeconds / wallSeconds;
        }
    }

    private VerifierProcess() {
    }

    /** Assets the child JVM verifies, untimed, before the measured ones: {@code count} times {@code url-<n>}. */
    record WarmUp(int count, String sha256, String url) {

        static final WarmUp NONE = new WarmUp(0, null, null);
    }

    static Run run(List<String> jvmOptions, WarmUp warmUp, String sha256, List<String> urls)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(VerifyAssets.class.getName());
        if (warmUp.count() > 0) {
            command.addAll(List.of("--warm-up", String.valueOf(warmUp.count()), warmUp.sha256(), warmUp.url()));
        }
        command.add(sha256);
        command.addAll(urls);
        // The verifier's log goes to standard error, shown as it comes; standard output is read here.
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<Asset> warmUps = new ArrayList<>();
        List<Asset> assets = new ArrayList<>();
        Map<String, String> totals = Map.of();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("asset ")) {
                    assets.add(asset(fields(line)));
                } else if (line.startsWith("warm-up ")) {
                    warmUps.add(asset(fields(line)));
                } else if (line.startsWith("process ")) {
                    totals = fields(line);
                }
            }
        } finally {
            if (process.waitFor() != 0 || totals.isEmpty()) {
                throw new IllegalStateException("the verifier's JVM failed (exit status " + process.exitValue()
                        + "): " + String.join(" ", command));
            }
        }
        return new Run(warmUps, assets, Double.parseDouble(totals.get("wall")), Double.parseDouble(totals.get("cpu")),
                Long.parseLong(totals.get("max-heap")), Long.parseLong(totals.get("peak-heap")));
    }

    private static Asset asset(Map<String, String> fields) {
        return new Asset(fields.get("status"), Long.parseLong(fields.get("bytes")), Double.parseDouble(fields.get("seconds")),
                fields.get("error"));
    }

    /** The {@code key=value} fields of a line; an error message, the last field, may hold spaces. */
    private static Map<String, String> fields(String line) {
        Map<String, String> fields = new HashMap<>();
        String rest = line.substring(line.indexOf(' ') + 1);
        int error = rest.indexOf(" error=");
        if (error >= 0) {
            fields.put("error", rest.substring(error + " error=".length()));
            rest = rest.substring(0, error);
        }
        for (String field : rest.split(" ")) {
            int equals = field.indexOf('=');
            fields.put(field.substring(0, equals), field.substring(equals + 1));
        }
        return fields;
    }
}
