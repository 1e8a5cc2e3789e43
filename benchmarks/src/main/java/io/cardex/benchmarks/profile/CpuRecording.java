package io.cardex.benchmarks.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * A Flight Recorder recording of this JVM with the JDK's {@code profile} settings (a CPU sample of
 * every running Java thread every 10 ms), written to a file when it ends.
 */
public final class CpuRecording implements AutoCloseable {

    private final Recording recording;
    private final Path file;

    private CpuRecording(Recording recording, Path file) {
        this.recording = recording;
        this.file = file;
    }

    /** Starts recording; {@link #close()} stops it and writes {@code file}. */
    public static CpuRecording start(Path file) throws IOException {
        try {
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            recording.setName(file.getFileName().toString());
            recording.start();
            return new CpuRecording(recording, file);
        } catch (ParseException e) {
            throw new IllegalStateException("this JDK's Flight Recorder 'profile' settings cannot be read", e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        recording.stop();
        recording.dump(file);
        recording.close();
    }
}
