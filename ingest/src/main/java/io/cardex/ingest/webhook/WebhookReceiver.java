package io.cardex.ingest.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardex.service.http.Answers;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives one provider's deliveries: reads the body within its limit, checks that the host sent
 * it, and hands a new push to the target. Nothing here waits on git or Kafka, so the host gets
 * its answer at once.
 */
final class WebhookReceiver implements Handler {

    private static final Logger log = LoggerFactory.getLogger(WebhookReceiver.class);

    private final ProviderWebhook webhook;
    private final PayloadReader payloads;
    private final DeliveryLog deliveries;
    private final PushTarget target;
    private final ObjectMapper json;

    WebhookReceiver(ProviderWebhook webhook, PayloadReader payloads, DeliveryLog deliveries, PushTarget target,
                    ObjectMapper json) {
        this.webhook = webhook;
        this.payloads = payloads;
        this.deliveries = deliveries;
        this.target = target;
        this.json = json;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        try {
            WebhookRequest request = new WebhookRequest(ctx::header, payloads.read(ctx));
            if (!webhook.isAuthentic(request)) {
                log.warn("refused a {} webhook delivery from {}: missing or wrong {}", webhook.provider(), ctx.ip(),
                        webhook.credentialHeader());
                throw RejectedDeliveryException.unauthenticated("the " + webhook.credentialHeader()
                        + " header is missing or does not match the " + webhook.provider() + " secret configured here");
            }
            receive(ctx, request);
        } catch (RejectedDeliveryException e) {
            Answers.problem(ctx, e.problem());
        }
    }

    private void receive(Context ctx, WebhookRequest request) throws RejectedDeliveryException {
        Optional<String> event = request.header(webhook.eventHeader());
        if (event.isPresent() && event.equals(webhook.pingEvent())) {
            Answers.json(ctx, 200, WebhookAnswer.pong());
        } else if (event.isEmpty() || !event.get().equals(webhook.pushEvent())) {
            Answers.json(ctx, 202, WebhookAnswer.ignored("only " + webhook.pushEvent() + " events trigger an ingest, "
                    + event.map(name -> "not " + name).orElse("and the " + webhook.eventHeader() + " header is missing")));
        } else {
            PushPayload payload = PushPayload.parse(json, request.body());
            Push push = payload.toPush(webhook.provider(), webhook.deliveryId(request), webhook.repositoryOf(payload));
            Answers.json(ctx, 202, trigger(push));
        }
    }

    private WebhookAnswer trigger(Push push) {
        Optional<String> deliveryKey = push.deliveryId().map(id -> webhook.provider().id() + ":" + id);
        if (deliveryKey.isPresent() && !deliveries.remember(deliveryKey.get())) {
            log.info("{} delivery {} was received before: not triggered again", webhook.provider(), push.deliveryId().get());
            return WebhookAnswer.duplicate();
        }
        boolean triggered;
        try {
            triggered = target.trigger(push);
        } catch (RuntimeException e) {
            deliveryKey.ifPresent(deliveries::forget);
            throw e;
        }
        if (!triggered) {
            log.debug("{} matches no followed repository and branch", push.describe());
            return WebhookAnswer.ignored(push.describe() + " matches no repository and branch followed here");
        }
        log.info("{} at {} triggered an ingest pass", push.describe(), push.after());
        return WebhookAnswer.triggered();
    }
}
