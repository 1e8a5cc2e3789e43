package io.cardex.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads why a server failed to start from the end of its log, as one line a user can act on. */
final class StartupDiagnosis {

    private record Cause(Pattern pattern, String explanation) {
    }

    private static final List<Cause> KNOWN_CAUSES = List.of(
            new Cause(Pattern.compile("Address already in use|BindException|bind.*failed"),
                    "a port it needs is taken by another program: stop that program or choose other ports"),
            new Cause(Pattern.compile("No space left on device|disk usage exceeded flood-stage"),
                    "the disk is full: free some space, or choose a --data-dir on a bigger disk"),
            new Cause(Pattern.compile("bootstrap check failure[^\\n]*\\n?[^\\n]*"),
                    "an Elasticsearch bootstrap check failed"),
            new Cause(Pattern.compile("UnsupportedClassVersionError|requires Java|unsupported Java"),
                    "it needs a newer Java: run cardex with JDK 17 or newer"),
            new Cause(Pattern.compile("AccessDeniedException|Permission denied"),
                    "it may not write to its data directory: check the owner and permissions of --data-dir"),
            new Cause(Pattern.compile("(?i)corrupt[^\\n]*keystore|keystore[^\\n]*corrupt"),
                    "its keystore is damaged: delete elasticsearch/config/elasticsearch.keystore in the data directory"));

    private StartupDiagnosis() {
    }

    static String explain(String server, String logTail, Path log) {
        for (Cause cause : KNOWN_CAUSES) {
            Matcher matcher = cause.pattern().matcher(logTail);
            if (matcher.find()) {
                return server + " failed to start: " + cause.explanation() + " (" + firstLine(matcher.group())
                        + "; log: " + log + ")";
            }
        }
        return server + " failed to start: " + lastMeaningfulLine(logTail) + " (log: " + log + ")";
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("").strip();
    }

    private static String lastMeaningfulLine(String logTail) {
        List<String> lines = logTail.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.contains("ERROR") || line.contains("Exception") || line.startsWith("error")) {
                return line;
            }
        }
        return lines.isEmpty() ? "it exited without saying why" : lines.get(lines.size() - 1);
    }
}
