package io.cardex.ingest.webhook;

import io.cardex.ingest.WebhookSettings;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A Javalin server on a free port with only the webhook receivers, and a client to post to them. */
final class WebhookServer implements AutoCloseable {

    private final Javalin app;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private WebhookServer(Javalin app) {
        this.app = app;
    }

    static WebhookServer start(WebhookSettings settings, PushTarget target) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            WebhookRoutes.register(config, settings, target);
        });
        app.start("127.0.0.1", 0);
        return new WebhookServer(app);
    }

    HttpResponse<String> post(String path, byte[] body, Map<String, String> headers) {
        return send(path, HttpRequest.BodyPublishers.ofByteArray(body), headers);
    }

    /** Posts without announcing the length, as chunks, the way a streaming sender would. */
    HttpResponse<String> postChunked(String path, byte[] body, Map<String, String> headers) {
        return send(path, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)), headers);
    }

    private HttpResponse<String> send(String path, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(body);
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] fixture(String name) {
        try (InputStream in = WebhookServer.class.getResourceAsStream("/webhook/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource webhook/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GitHub's X-Hub-Signature-256, computed here independently of the code under test. */
    static String githubSignature(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmacSha256(secret, body));
    }

    /** Gitee's signed X-Gitee-Token, computed here independently of the code under test. */
    static String giteeSignature(String secret, long timestamp) {
        return Base64.getEncoder().encodeToString(
                hmacSha256(secret, (timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmacSha256(String secret, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
