package io.cardex.ingest.webhook;

import static io.cardex.ingest.webhook.WebhookServer.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cardex.ingest.WebhookSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever a webhook delivery holds (see {@link HostileDeliveries}: bodies mutated from real pushes
 * or of any bytes, any event, delivery and content headers, credentials right, wrong or missing),
 * every receiver answers 2xx or 4xx, never 500; a 4xx is a problem saying what is wrong; and a
 * delivery without the right credentials never triggers an ingest pass.
 */
class HostileWebhooksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WebhookSettings SETTINGS = new WebhookSettings(Optional.of(HostileDeliveries.GITHUB_SECRET),
            Optional.of(HostileDeliveries.GITEE_SECRET), Optional.of(HostileDeliveries.GITLAB_TOKEN),
            WebhookSettings.DEFAULT_MAX_PAYLOAD_BYTES);
    /** Counts the pushes handed on, and follows every repository, so that any authentic push triggers. */
    private static final AtomicInteger TRIGGERED = new AtomicInteger();
    private static WebhookServer server;

    @BeforeContainer
    static void start() {
        server = WebhookServer.start(SETTINGS, push -> {
            TRIGGERED.incrementAndGet();
            return true;
        });
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    @Provide
    Arbitrary<HostileDeliveries.Delivery> deliveries() {
        return HostileDeliveries.deliveries();
    }

    @Property(tries = 150)
    void anyDeliveryIsAnsweredWithAStatusAndAReasonAndOnlyAnAuthenticOneTriggers(
            @ForAll("deliveries") HostileDeliveries.Delivery delivery) throws Exception {
        int triggeredBefore = TRIGGERED.get();

        HttpResponse<String> response = server.post(delivery.path(), delivery.body(), delivery.headers());

        assertThat(response.statusCode()).as("status").isBetween(200, 499);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("detail").asText()).as("the problem's detail").isNotBlank();
        }
        boolean triggered = TRIGGERED.get() > triggeredBefore;
        if (!delivery.authentic()) {
            assertThat(response.statusCode()).as("status of a delivery without the right credentials")
                    .isIn(400, 401, 403, 413, 415);
            assertThat(triggered).as("a pass triggered").isFalse();
        }
        // The deliveries must both trigger and be refused often, or the invariants above prove little.
        String answer = (delivery.authentic() ? "authentic, " : "not authentic, ") + response.statusCode()
                + (triggered ? " triggered" : "");
        Statistics.label("answer").collect(answer);
        Statistics.label("answer").coverage(coverage -> {
            coverage.check("authentic, 202 triggered").percentage(percent -> percent >= 5);
            coverage.check("not authentic, 401").percentage(percent -> percent >= 25);
        });
    }

    /** Deliveries to the three receivers, authentic or not. */
    static final class HostileDeliveries {

        static final String GITHUB_SECRET = "gh-webhook-secret-7f3a";
        static final String GITEE_SECRET = "gitee-webhook-secret-4c1d";
        static final String GITLAB_TOKEN = "glpat-free-webhook-token-91b2";

        /** One request; {@code authentic} when it carries the right credentials for its provider. */
        record Delivery(String path, Map<String, String> headers, byte[] body, boolean authentic, String how) {
            @Override
            public String toString() {
                String shown = new String(body, StandardCharsets.UTF_8);
                return how + " to " + path + ", headers " + headers + ", body "
                        + (shown.length() > 600 ? shown.substring(0, 600) + "… (" + body.length + " bytes)" : shown);
            }
        }

        enum Credentials { RIGHT, WRONG, MISSING, EMPTY, PADDED, OTHER_PROVIDERS }

        private HostileDeliveries() {
        }

        static Arbitrary<Delivery> deliveries() {
            Arbitrary<Credentials> credentials = Arbitraries.frequency(Tuple.of(5, Credentials.RIGHT),
                    Tuple.of(1, Credentials.WRONG), Tuple.of(1, Credentials.MISSING), Tuple.of(1, Credentials.EMPTY),
                    Tuple.of(1, Credentials.PADDED), Tuple.of(1, Credentials.OTHER_PROVIDERS));
            return Combinators.combine(Arbitraries.of(Provider.values()), bodies(), credentials,
                    eventNames(), otherHeaders()).as(HostileDeliveries::delivery);
        }

        private static Delivery delivery(Provider provider, Body body, Credentials credentials, Optional<String> event,
                                         Map<String, String> extraHeaders) {
            Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
            byte[] bytes = body.bytes(provider);
            String eventHeader = switch (provider) {
                case GITHUB -> "X-GitHub-Event";
                case GITEE -> "X-Gitee-Event";
                case GITLAB -> "X-Gitlab-Event";
            };
            event.map(name -> name.equals("<push>") ? pushEvent(provider) : name)
                    .ifPresent(name -> headers.put(eventHeader, name));
            long now = System.currentTimeMillis();
            switch (credentials) {
                case RIGHT -> headers.putAll(rightCredentials(provider, bytes, now));
                case WRONG -> headers.putAll(switch (provider) {
                    case GITHUB -> Map.of("X-Hub-Signature-256", WebhookServer.githubSignature("wrong", bytes));
                    case GITEE -> Map.of("X-Gitee-Token", WebhookServer.giteeSignature(GITEE_SECRET, now - 7_200_000),
                            "X-Gitee-Timestamp", Long.toString(now - 7_200_000));
                    case GITLAB -> Map.of("X-Gitlab-Token", GITLAB_TOKEN + "x");
                });
                case EMPTY -> headers.put(credentialHeader(provider), "");
                case PADDED -> rightCredentials(provider, bytes, now).forEach((name, value) ->
                        headers.put(name, name.equals(credentialHeader(provider)) ? value + "0" : value));
                case OTHER_PROVIDERS -> {
                    for (Provider other : Provider.values()) {
                        if (other != provider) {
                            headers.putAll(rightCredentials(other, bytes, now));
                        }
                    }
                }
                case MISSING -> { }
            }
            return new Delivery("/webhooks/" + provider.id(), headers, bytes, credentials == Credentials.RIGHT,
                    provider + " " + body.how() + ", credentials " + credentials);
        }

        private static Map<String, String> rightCredentials(Provider provider, byte[] body, long now) {
            return switch (provider) {
                case GITHUB -> Map.of("X-Hub-Signature-256", WebhookServer.githubSignature(GITHUB_SECRET, body));
                case GITEE -> Map.of("X-Gitee-Token", WebhookServer.giteeSignature(GITEE_SECRET, now),
                        "X-Gitee-Timestamp", Long.toString(now));
                case GITLAB -> Map.of("X-Gitlab-Token", GITLAB_TOKEN);
            };
        }

        private static String credentialHeader(Provider provider) {
            return switch (provider) {
                case GITHUB -> "X-Hub-Signature-256";
                case GITEE -> "X-Gitee-Token";
                case GITLAB -> "X-Gitlab-Token";
            };
        }

        private static String pushEvent(Provider provider) {
            return provider == Provider.GITHUB ? "push" : "Push Hook";
        }

        /** The event header: the provider's push event most often, else another event or none. */
        private static Arbitrary<Optional<String>> eventNames() {
            return Arbitraries.frequencyOf(
                    Tuple.of(6, Arbitraries.just(Optional.of("<push>"))),
                    Tuple.of(1, Arbitraries.of("ping", "Tag Push Hook", "issues", "PUSH", "push ", "")
                            .map(Optional::of)),
                    Tuple.of(1, Arbitraries.just(Optional.empty())));
        }

        /** Delivery ids and content headers of any printable shape, or none. */
        private static Arbitrary<Map<String, String>> otherHeaders() {
            Arbitrary<String> printable = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60);
            Arbitrary<String> name = Arbitraries.of("X-GitHub-Delivery", "X-Gitee-Delivery", "Idempotency-Key",
                    "X-Gitlab-Event-UUID", "Content-Type", "Content-Encoding", "X-Forwarded-For", "Accept");
            Arbitrary<String> value = Arbitraries.oneOf(printable.map(String::strip).filter(text -> !text.isEmpty()),
                    Arbitraries.of("gzip", "text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1",
                            "*/*", "x".repeat(1_000)));
            return Arbitraries.maps(name, value).ofMaxSize(4);
        }

        /** What is posted: a real push, changed, or anything at all. */
        record Body(String how, Optional<List<Edit>> edits, byte[] raw) {
            byte[] bytes(Provider provider) {
                if (edits.isEmpty()) {
                    return raw;
                }
                try {
                    JsonNode tree = JSON.readTree(fixture(provider.id() + "-push.json"));
                    edits.get().forEach(edit -> edit.applyTo(tree));
                    return JSON.writeValueAsBytes(tree);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        private static Arbitrary<Body> bodies() {
            return Arbitraries.frequencyOf(
                    Tuple.of(6, Edit.edits().list().ofMaxSize(4)
                            .map(edits -> new Body("push edited " + edits, Optional.of(edits), new byte[0]))),
                    Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(100)
                            .map(bytes -> new Body("bytes", Optional.empty(), bytes))),
                    Tuple.of(1, Arbitraries.of("", "{}", "[]", "null", "\"push\"", "{\"ref\": null}",
                                    "{\"ref\": 1, \"repository\": []}", "{\"ref\": \"refs/heads/main\"}",
                                    "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":" .repeat(2_000) + "1" + "}".repeat(2_000),
                                    "{\"ref\": \"refs/heads/main\", \"repository\": {\"clone_url\": \"\\u0000\"}}")
                            .map(text -> new Body("text", Optional.empty(), text.getBytes(StandardCharsets.UTF_8)))));
        }
    }

    /** A change to a push payload: the field at a path removed, nulled or given a value of another type. */
    record Edit(String path, Optional<String> replacement) {

        private static final List<String> PATHS = List.of("ref", "after", "before", "repository",
                "repository/clone_url", "repository/html_url", "repository/git_http_url", "repository/git_ssh_url",
                "repository/url", "repository/ssh_url", "repository/full_name", "repository/path_with_namespace",
                "project", "project/git_http_url", "project/path_with_namespace", "project/web_url", "commits",
                "head_commit", "pusher", "sender");

        static Arbitrary<Edit> edits() {
            Arbitrary<Optional<String>> value = Arbitraries.of("null", "1", "-1", "true", "[]", "{}", "\"\"",
                    "\"refs/heads/\"", "\"refs/tags/v1\"", "\"refs/heads/main\"", "\"not a url\"", "\"file:///etc\"",
                    "\"https://github.com/cardex-org/model-cards\"", "\"" + "a/".repeat(3_000) + "\"", "[\"x\"]",
                    "{\"clone_url\": 5}", "\"\\u0000\"", "\"模型\"").map(Optional::of).injectNull(0.2)
                    .map(optional -> optional == null ? Optional.<String>empty() : optional);
            return Combinators.combine(Arbitraries.of(PATHS), value).as(Edit::new);
        }

        void applyTo(JsonNode root) {
            String[] steps = path.split("/");
            JsonNode parent = root;
            for (int step = 0; step < steps.length - 1; step++) {
                parent = parent.path(steps[step]);
            }
            if (parent instanceof ObjectNode object) {
                String field = steps[steps.length - 1];
                if (replacement.isEmpty()) {
                    object.remove(field);
                } else {
                    try {
                        object.set(field, JSON.readTree(replacement.get()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }

        @Override
        public String toString() {
            return path + (replacement.isEmpty() ? " removed" : " = " + replacement.get());
        }
    }
}
