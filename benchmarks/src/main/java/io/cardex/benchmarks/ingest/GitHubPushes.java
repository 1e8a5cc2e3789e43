package io.cardex.benchmarks.ingest;

import io.cardex.ingest.IngestConfig;
import io.cardex.ingest.RepositoryConfig;
import io.cardex.ingest.WebhookSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;

/**
 * GitHub's push webhooks, signed as GitHub signs them, for an ingest service that listens with
 * {@link #ingestConfig} and follows a repository whose {@code origin} {@link #pointOriginAtGitHub} set.
 */
public final class GitHubPushes {

    private static final String SECRET = "benchmark-secret";
    private static final String ORIGIN = "https://github.com/example/hub.git";

    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * Makes the repository look hosted on GitHub, so that ingest takes pushes for it as its own.
     * Call it before the service starts: the service reads where the repository is hosted once.
     */
    public static void pointOriginAtGitHub(Path repository) throws IOException {
        try (Git git = Git.open(repository.toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("remote", "origin", "url", ORIGIN);
            config.save();
        }
    }

    /** Ingest of the repository, its HTTP server on a free port of loopback checking GitHub's signatures with the secret. */
    public static IngestConfig ingestConfig(RepositoryConfig repository) {
        return new IngestConfig(List.of(repository), "127.0.0.1", 0, new WebhookSettings(Optional.of(SECRET), Optional.empty(),
                Optional.empty(), WebhookSettings.DEFAULT_MAX_PAYLOAD_BYTES));
    }

    /**
     * Posts the push of {@code commit} to the branch {@code main} and returns once ingest answered;
     * fails unless the answer is 202, the pass triggered.
     */
    public void push(int port, String commit, String delivery) throws IOException, InterruptedException {
        String payload = """
                {"ref": "refs/heads/main", "after": "%s",
                 "repository": {"full_name": "example/hub", "clone_url": "%s", "default_branch": "main"}}
                """.formatted(commit, ORIGIN);
        URI webhooks = URI.create("http://127.0.0.1:" + port + "/webhooks/github");
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(webhooks)
                .header("X-GitHub-Event", "push").header("X-GitHub-Delivery", delivery)
                .header("X-Hub-Signature-256", signature(payload)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 202 || !answer.body().contains("triggered")) {
            throw new IllegalStateException("the webhook was answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    private static String signature(String payload) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(hmac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot sign with HMAC-SHA256", e);
        }
    }
}
