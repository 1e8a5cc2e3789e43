package io.cardex.ingest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Map;

/**
 * What the ingest of one repository is doing, for {@code /health}.
 *
 * @param state              {@code starting} before the first pass, {@code up} when the last pass
 *                           worked, {@code failing} when it did not (retried with backoff)
 * @param lastPublishedHead  the commit everything is published up to; {@code null} before the first
 * @param behindCommits      commits on the branch not published yet, as of the last fetch
 * @param eventsPublished    events acknowledged by Kafka since start
 * @param lastError          why the last pass failed; {@code null} when it worked
 * @param nextAttemptAt      when the next poll (or retry) is due
 * @param skippedFiles       files of the last published commit below the cards root that are no
 *                           part of any card, counted by reason ({@code readme}, {@code binary}...)
 */
public record IngestStatus(
        String repository,
        String branch,
        String state,
        String lastPublishedHead,
        Instant lastSuccessAt,
        Integer behindCommits,
        long eventsPublished,
        String lastError,
        Instant lastErrorAt,
        Instant nextAttemptAt,
        Map<String, Integer> skippedFiles) {

    public IngestStatus {
        skippedFiles = Map.copyOf(skippedFiles);
    }

    @JsonIgnore
    public boolean isFailing() {
        return "failing".equals(state);
    }
}
