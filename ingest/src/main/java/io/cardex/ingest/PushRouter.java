package io.cardex.ingest;

import io.cardex.ingest.webhook.Push;
import io.cardex.ingest.webhook.PushTarget;
import java.util.List;

/** Hands each push a git host announces to the ingest of the repository and branch it updated. */
public final class PushRouter implements PushTarget {

    private final List<RepositoryIngest> repositories;

    public PushRouter(List<RepositoryIngest> repositories) {
        this.repositories = List.copyOf(repositories);
    }

    /** Triggers every matching ingest (each returns at once; its pass runs on its own thread). */
    @Override
    public boolean trigger(Push push) {
        boolean triggered = false;
        for (RepositoryIngest repository : repositories) {
            if (repository.isUpdatedBy(push)) {
                repository.trigger();
                triggered = true;
            }
        }
        return triggered;
    }
}
