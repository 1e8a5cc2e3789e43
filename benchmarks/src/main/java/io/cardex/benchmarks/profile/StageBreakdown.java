package io.cardex.benchmarks.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/** The CPU samples of a Flight Recorder recording, counted per service and per stage of the pipeline. */
public final class StageBreakdown {

    private final Map<PipelineService, Map<PipelineStage, Long>> samples = new EnumMap<>(PipelineService.class);

    /** Counts the {@code jdk.ExecutionSample} events of the recording at {@code file}. */
    public static StageBreakdown of(Path file) throws IOException {
        StageBreakdown breakdown = new StageBreakdown();
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    RecordedThread thread = event.getThread("sampledThread");
                    breakdown.add(thread == null || thread.getJavaName() == null ? "" : thread.getJavaName(),
                            framesOutermostFirst(event.getStackTrace()));
                }
            }
        }
        return breakdown;
    }

    /** Counts one sample of the thread {@code threadName}. */
    void add(String threadName, List<String> framesOutermostFirst) {
        samples.computeIfAbsent(PipelineService.ofThread(threadName), s -> new EnumMap<>(PipelineStage.class))
                .merge(PipelineStage.of(framesOutermostFirst), 1L, Long::sum);
    }

    public long samples(PipelineService service) {
        return samples.getOrDefault(service, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    public long samples(PipelineService service, PipelineStage stage) {
        return samples.getOrDefault(service, Map.of()).getOrDefault(stage, 0L);
    }

    /** The share of the service's samples spent in the stage, in percent. */
    public double percent(PipelineService service, PipelineStage stage) {
        long all = samples(service);
        return all == 0 ? 0 : 100.0 * samples(service, stage) / all;
    }

    /** One line per service: its samples, and the share of each stage that had any. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (PipelineService service : PipelineService.values()) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-8s %,6d samples:", service.name().toLowerCase(Locale.ROOT),
                    samples(service)));
            for (PipelineStage stage : PipelineStage.values()) {
                if (samples(service, stage) > 0) {
                    line.append(String.format(Locale.ROOT, " %s %.0f%%,", stage.label(), percent(service, stage)));
                }
            }
            lines.add(line.substring(0, line.length() - (line.charAt(line.length() - 1) == ',' ? 1 : 0)));
        }
        return lines;
    }

    private static List<String> framesOutermostFirst(RecordedStackTrace stackTrace) {
        if (stackTrace == null) {
            return List.of();
        }
        List<String> frames = new ArrayList<>();
        for (RecordedFrame frame : stackTrace.getFrames()) {
            if (frame.isJavaFrame()) {
                frames.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
            }
        }
        // Flight Recorder lists the innermost frame first.
        Collections.reverse(frames);
        return frames;
    }
}
