package io.cardex.ingest;

import io.cardex.service.http.Health;
import java.util.List;

/**
 * What ingest's {@code GET /health} answers: {@code up} while every repository is published or
 * starting, {@code failing} (and 503) when one keeps failing, with each repository's state.
 */
public record IngestHealth(String status, List<IngestStatus> repositories) {

    static Health of(List<IngestStatus> repositories) {
        boolean failing = repositories.stream().anyMatch(IngestStatus::isFailing);
        return new Health(!failing, new IngestHealth(failing ? "failing" : "up", repositories));
    }
}
