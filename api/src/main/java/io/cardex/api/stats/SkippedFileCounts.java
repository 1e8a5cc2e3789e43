package io.cardex.api.stats;

import io.cardex.card.SkipReason;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files of a repository's last ingested commit, below its cards root, that are no card.
 *
 * @param byReason every reason ({@code not-markdown}, {@code readme}, ...), 0 when no file has it
 */
public record SkippedFileCounts(String repository, String commit, long total, Map<String, Long> byReason) {

    public SkippedFileCounts {
        byReason = Collections.unmodifiableMap(new LinkedHashMap<>(byReason));
    }

    static SkippedFileCounts of(String repository, String commit, Map<String, Integer> counts) {
        Map<String, Long> byReason = new LinkedHashMap<>();
        for (SkipReason reason : SkipReason.values()) {
            byReason.put(reason.code(), counts == null ? 0L : counts.getOrDefault(reason.code(), 0).longValue());
        }
        return new SkippedFileCounts(repository, commit, byReason.values().stream().mapToLong(Long::longValue).sum(),
                byReason);
    }
}
