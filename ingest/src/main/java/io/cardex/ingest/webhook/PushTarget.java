package io.cardex.ingest.webhook;

/** What a verified push is handed to: the ingest of the repositories this service follows. */
@FunctionalInterface
public interface PushTarget {

    /**
     * Asks for an ingest pass when the push updated a followed repository and branch
     * ({@link Push#updates} decides that for one configured repository).
     *
     * <p>Must return at once: it is called on the HTTP thread while the git host waits for the
     * answer (GitHub gives up after ten seconds), so the pass itself has to run elsewhere, and a
     * request arriving while one is pending should be coalesced with it.
     *
     * @return whether some followed repository and branch matched and a pass was requested
     */
    boolean trigger(Push push);
}
