package io.cardex.ingest.webhook;

import static io.cardex.card.Fuzz.listOf;
import static io.cardex.card.Fuzz.oneOf;
import static io.cardex.card.Fuzz.pick;
import static io.cardex.card.Fuzz.weighted;
import static io.cardex.ingest.webhook.WebhookServer.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cardex.card.Fuzz;
import io.cardex.ingest.WebhookSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Whatever a webhook delivery holds (see {@link HostileDeliveries}: bodies mutated from real pushes
 * or of any bytes, any event, delivery and content headers, credentials right, wrong or missing),
 * every receiver answers 2xx or 4xx, never 500; a 4xx is a problem saying what is wrong; and a
 * delivery without the right credentials never triggers an ingest pass. The deliveries are seeded
 * cases of {@link Fuzz}: a failing one prints its delivery and seed, and
 * {@code -Dcardex.fuzz.seed=SEED -Dcardex.fuzz.cases=1} runs it again, alone.
 */
class HostileWebhooksTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final WebhookSettings SETTINGS = new WebhookSettings(Optional.of(HostileDeliveries.GITHUB_SECRET),
            Optional.of(HostileDeliveries.GITEE_SECRET), Optional.of(HostileDeliveries.GITLAB_TOKEN),
            WebhookSettings.DEFAULT_MAX_PAYLOAD_BYTES);
    /** Counts the pushes handed on, and follows every repository, so that any authentic push triggers. */
    private static final AtomicInteger TRIGGERED = new AtomicInteger();
    /** Fewer deliveries say little about how many trigger and how many are refused. */
    private static final int CASES_TO_JUDGE_COVERAGE = 100;
    private static WebhookServer server;

    @BeforeAll
    static void start() {
        server = WebhookServer.start(SETTINGS, push -> {
            TRIGGERED.incrementAndGet();
            return true;
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> anyDeliveryIsAnsweredWithAStatusAndAReasonAndOnlyAnAuthenticOneTriggers() {
        AtomicInteger cases = new AtomicInteger();
        AtomicInteger authenticTriggered = new AtomicInteger();
        AtomicInteger refusedUnauthentic = new AtomicInteger();
        Stream<DynamicTest> deliveries = Fuzz.cases(150, HostileDeliveries::delivery, delivery -> {
            Answer answer = answers(delivery);
            cases.incrementAndGet();
            if (delivery.authentic() && answer.status() == 202 && answer.triggered()) {
                authenticTriggered.incrementAndGet();
            }
            if (!delivery.authentic() && answer.status() == 401) {
                refusedUnauthentic.incrementAndGet();
            }
        });
        // The deliveries must both trigger and be refused often, or the invariants above prove little.
        DynamicTest coverage = dynamicTest("at least 5 % of the deliveries are authentic and trigger, "
                + "25 % are not and are refused with 401", () -> {
            assumeTrue(cases.get() >= CASES_TO_JUDGE_COVERAGE,
                    () -> cases.get() + " deliveries are too few to judge what they cover");
            assertThat(100.0 * authenticTriggered.get() / cases.get()).as("% of authentic deliveries answered 202 "
                    + "that triggered").isGreaterThanOrEqualTo(5);
            assertThat(100.0 * refusedUnauthentic.get() / cases.get()).as("% of deliveries without the right "
                    + "credentials answered 401").isGreaterThanOrEqualTo(25);
        });
        return Stream.concat(deliveries, Stream.of(coverage));
    }

    /** What the receiver answered a delivery, and whether it triggered an ingest pass. */
    private record Answer(int status, boolean triggered) {
    }

    private static Answer answers(HostileDeliveries.Delivery delivery) {
        int triggeredBefore = TRIGGERED.get();

        HttpResponse<String> response = server.post(delivery.path(), delivery.body(), delivery.headers());

        assertThat(response.statusCode()).as("status").isBetween(200, 499);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem;
            try {
                problem = JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("the problem is no JSON: " + response.body(), e);
            }
            assertThat(problem.path("detail").asText()).as("the problem's detail").isNotBlank();
        }
        boolean triggered = TRIGGERED.get() > triggeredBefore;
        if (!delivery.authentic()) {
            assertThat(response.statusCode()).as("status of a delivery without the right credentials")
                    .isIn(400, 401, 403, 413, 415);
            assertThat(triggered).as("a pass triggered").isFalse();
        }
        return new Answer(response.statusCode(), triggered);
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

        static Delivery delivery(Random random) {
            Provider provider = pick(random, List.of(Provider.values()));
            Body body = body(random);
            // RIGHT five times as often as each other kind.
            Credentials credentials = random.nextInt(10) < 5 ? Credentials.RIGHT
                    : pick(random, List.of(Credentials.WRONG, Credentials.MISSING, Credentials.EMPTY, Credentials.PADDED,
                            Credentials.OTHER_PROVIDERS));
            return delivery(provider, body, credentials, eventName(random), otherHeaders(random));
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
        private static Optional<String> eventName(Random random) {
            return oneOf(random,
                    weighted(6, r -> Optional.of("<push>")),
                    weighted(1, r -> Optional.of(pick(r, List.of("ping", "Tag Push Hook", "issues", "PUSH", "push ", "")))),
                    weighted(1, r -> Optional.<String>empty()));
        }

        /** Delivery ids and content headers of any printable shape, or none. */
        private static Map<String, String> otherHeaders(Random random) {
            List<String> names = List.of("X-GitHub-Delivery", "X-Gitee-Delivery", "Idempotency-Key",
                    "X-Gitlab-Event-UUID", "Content-Type", "Content-Encoding", "X-Forwarded-For", "Accept");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = Fuzz.size(random, 4); i > 0; i--) {
                String value = random.nextBoolean() ? printable(random)
                        : pick(random, List.of("gzip", "text/plain", "application/x-www-form-urlencoded",
                                "application/json; charset=latin1", "*/*", "x".repeat(1_000)));
                headers.put(pick(random, names), value);
            }
            return headers;
        }

        /** Up to 60 printable ASCII characters, stripped, never empty. */
        private static String printable(Random random) {
            StringBuilder text = new StringBuilder();
            for (int i = Fuzz.size(random, 60); i > 0; i--) {
                text.append((char) (' ' + random.nextInt('~' - ' ' + 1)));
            }
            String stripped = text.toString().strip();
            return stripped.isEmpty() ? "x" : stripped;
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

        private static Body body(Random random) {
            return oneOf(random,
                    weighted(6, r -> {
                        List<Edit> edits = listOf(r, 0, 4, Edit::edit);
                        return new Body("push edited " + edits, Optional.of(edits), new byte[0]);
                    }),
                    weighted(1, r -> new Body("bytes", Optional.empty(), Fuzz.anyBytes(r, 100))),
                    weighted(1, r -> new Body("text", Optional.empty(), pick(r, List.of("", "{}", "[]", "null",
                            "\"push\"", "{\"ref\": null}", "{\"ref\": 1, \"repository\": []}",
                            "{\"ref\": \"refs/heads/main\"}", "[".repeat(5_000) + "]".repeat(5_000),
                            "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000),
                            "{\"ref\": \"refs/heads/main\", \"repository\": {\"clone_url\": \"\\u0000\"}}"))
                            .getBytes(StandardCharsets.UTF_8))));
        }
    }

    /** A change to a push payload: the field at a path removed, nulled or given a value of another type. */
    record Edit(String path, Optional<String> replacement) {

        private static final List<String> PATHS = List.of("ref", "after", "before", "repository",
                "repository/clone_url", "repository/html_url", "repository/git_http_url", "repository/git_ssh_url",
                "repository/url", "repository/ssh_url", "repository/full_name", "repository/path_with_namespace",
                "project", "project/git_http_url", "project/path_with_namespace", "project/web_url", "commits",
                "head_commit", "pusher", "sender");

        private static final List<String> VALUES = List.of("null", "1", "-1", "true", "[]", "{}", "\"\"",
                "\"refs/heads/\"", "\"refs/tags/v1\"", "\"refs/heads/main\"", "\"not a url\"", "\"file:///etc\"",
                "\"https://github.com/cardex-org/model-cards\"", "\"" + "a/".repeat(3_000) + "\"", "[\"x\"]",
                "{\"clone_url\": 5}", "\"\\u0000\"", "\"模型\"");

        /** The field at one of {@link #PATHS}, removed one time in five, else given one of {@link #VALUES}. */
        static Edit edit(Random random) {
            String path = pick(random, PATHS);
            return new Edit(path, random.nextInt(5) == 0 ? Optional.empty() : Optional.of(pick(random, VALUES)));
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
