package io.cardex.ingest.webhook;

import java.util.Optional;

/** How one git host proves, names and identifies its webhook deliveries. */
interface ProviderWebhook {

    Provider provider();

    /** Whether the request proves it was sent by the host that holds the configured secret. */
    boolean isAuthentic(WebhookRequest request);

    /** The header carrying that proof, named when a delivery is refused. */
    String credentialHeader();

    /** The header naming the event. */
    String eventHeader();

    /** The event name of a push. */
    String pushEvent();

    /** The event name of the host's check that the receiver is reachable, if it sends one. */
    default Optional<String> pingEvent() {
        return Optional.empty();
    }

    /** The host's id of this delivery, kept when it redelivers, to trigger once per push. */
    Optional<String> deliveryId(WebhookRequest request);

    /** The part of the push payload describing the repository. */
    PushPayload.RepositoryFields repositoryOf(PushPayload payload);
}
