package io.cardex.ingest.webhook;

import io.cardex.ingest.WebhookSettings;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cardex.card.CardexJson;
import io.cardex.service.http.Answers;
import io.cardex.service.http.ProblemDetails;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import java.time.Clock;
import java.util.function.Function;

/**
 * Mounts the push webhook receivers, {@code POST /webhooks/github}, {@code /webhooks/gitee} and
 * {@code /webhooks/gitlab}, on the ingest HTTP server.
 *
 * <p>Answers: 202 {@code {"status":"triggered"}} when the target took the push,
 * {@code "ignored"} (with a {@code reason}) for another repository, branch or event and
 * {@code "duplicate"} for a redelivery; 200 {@code "pong"} to GitHub's ping. Refusals are
 * {@code application/problem+json}: 400 malformed payload, 401 missing or wrong signature, 404
 * receiver not enabled (no secret configured), 413 payload over the limit.
 */
public final class WebhookRoutes {

    /** Enough to recognise any redelivery of the last days of pushes to a few repositories. */
    private static final int REMEMBERED_DELIVERIES = 10_000;

    private WebhookRoutes() {
    }

    /**
     * Adds the three receivers to the server being configured. They handle their own errors, so
     * the server's exception handlers are left alone.
     *
     * @param target called with each verified push, on the request thread: it must return at once
     */
    public static void register(JavalinConfig config, WebhookSettings settings, PushTarget target) {
        ObjectMapper json = CardexJson.newMapper();
        PayloadReader payloads = new PayloadReader(settings.maxPayloadBytes());
        DeliveryLog deliveries = new DeliveryLog(REMEMBERED_DELIVERIES);
        Function<ProviderWebhook, Handler> receiver =
                webhook -> new WebhookReceiver(webhook, payloads, deliveries, target, json);
        config.routes.post(Provider.GITHUB.path(), settings.githubSecret().map(GitHubWebhook::new)
                .map(receiver).orElse(notEnabled(Provider.GITHUB)));
        config.routes.post(Provider.GITEE.path(), settings.giteeSecret().map(secret -> new GiteeWebhook(secret, Clock.systemUTC()))
                .map(receiver).orElse(notEnabled(Provider.GITEE)));
        config.routes.post(Provider.GITLAB.path(), settings.gitlabToken().map(GitLabWebhook::new)
                .map(receiver).orElse(notEnabled(Provider.GITLAB)));
    }

    private static Handler notEnabled(Provider provider) {
        ProblemDetails problem = ProblemDetails.of(404, "Not found", "the " + provider
                + " webhook receiver is not enabled: configure a " + provider + " webhook secret to enable it");
        return ctx -> Answers.problem(ctx, problem);
    }
}
