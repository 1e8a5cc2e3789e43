package io.cardex.ingest.webhook;

import java.util.Objects;
import java.util.Optional;

/**
 * A push a git host announced and proved it sent.
 *
 * @param deliveryId the host's id of this delivery, the same when it redelivers; empty when the
 *                   host sent none
 * @param ref        the updated ref, such as {@code refs/heads/main} or {@code refs/tags/v1}
 * @param after      the commit the ref points to now
 */
public record Push(Provider provider, Optional<String> deliveryId, String ref, PushedRepository repository,
                   String after) {

    private static final String BRANCH_PREFIX = "refs/heads/";

    public Push {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(after, "after");
    }

    /** The updated branch; empty when the push updated a tag or another kind of ref. */
    public Optional<String> branch() {
        return ref.startsWith(BRANCH_PREFIX) ? Optional.of(ref.substring(BRANCH_PREFIX.length())) : Optional.empty();
    }

    /**
     * Whether this push updated the followed branch of the repository at {@code remote}.
     *
     * @param remote         the followed repository: a git URL or {@code owner/name}, as
     *                       {@link PushedRepository#matches} compares them
     * @param followedBranch the followed branch; empty to follow the repository's default branch
     */
    public boolean updates(String remote, Optional<String> followedBranch) {
        Optional<String> expected = followedBranch.or(repository::defaultBranch);
        return expected.isPresent() && branch().equals(expected) && repository.matches(remote);
    }

    /** Names the push in logs and answers: provider, repository and ref. */
    public String describe() {
        return provider + " push to " + ref + " of " + repository.fullName();
    }
}
