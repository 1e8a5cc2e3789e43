package io.cardex.store;

import java.time.Instant;

/** Where an indexed card was read from. */
public record CardSource(
        String repository, String branch, String commit, Instant commitTime, String commitAuthor, String path) {
}
