package io.cardex.api.stats;

import java.time.Instant;

/** The newest commit of a repository among its indexed cards. */
public record LastIngested(String repository, String branch, String commit, Instant commitTime) {
}
