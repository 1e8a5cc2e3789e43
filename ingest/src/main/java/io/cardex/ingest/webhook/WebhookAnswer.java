package io.cardex.ingest.webhook;

/** The body of an accepted delivery: what became of it, and why when it was not acted on. */
record WebhookAnswer(String status, String reason) {

    static WebhookAnswer triggered() {
        return new WebhookAnswer("triggered", null);
    }

    static WebhookAnswer ignored(String reason) {
        return new WebhookAnswer("ignored", reason);
    }

    static WebhookAnswer duplicate() {
        return new WebhookAnswer("duplicate", null);
    }

    static WebhookAnswer pong() {
        return new WebhookAnswer("pong", null);
    }
}
