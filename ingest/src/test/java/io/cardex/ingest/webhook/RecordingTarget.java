package io.cardex.ingest.webhook;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A push target following one repository and branch, keeping every push it was handed. */
final class RecordingTarget implements PushTarget {

    private final String remote;
    private final Optional<String> branch;
    private final List<Push> received = new CopyOnWriteArrayList<>();

    RecordingTarget(String remote, Optional<String> branch) {
        this.remote = remote;
        this.branch = branch;
    }

    @Override
    public boolean trigger(Push push) {
        received.add(push);
        return push.updates(remote, branch);
    }

    List<Push> received() {
        return received;
    }
}
