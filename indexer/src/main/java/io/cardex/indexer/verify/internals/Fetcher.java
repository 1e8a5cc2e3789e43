package io.cardex.indexer.verify.internals;

import io.cardex.indexer.verify.AssetStatus;
import io.cardex.indexer.verify.VerifierConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * Fetches an asset and digests its body while it streams in, never holding the file: follows
 * redirects itself so that the {@link UrlPolicy} checks every hop, and enforces the size limit and
 * the time-outs. Blocks the calling thread; every failure is returned as a {@link Fetch}.
 */
public final class Fetcher {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final String USER_AGENT = "cardex-indexer asset verifier";

    private final VerifierConfig config;
    private final UrlPolicy policy;
    private final HttpClient client;

    public Fetcher(VerifierConfig config) {
        this.config = config;
        this.policy = new UrlPolicy(config);
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                // One long stream per request: HTTP/2 adds flow control and framing, and no speed.
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .build();
    }

    /**
     * Fetches a card's link, from its mirror if it has one.
     *
     * @param validators from an earlier fetch of the same file, to ask only whether it changed
     *                   ({@link Validators#NONE} to download it)
     */
    public Fetch fetch(String link, Validators validators) {
        Deadline deadline = Deadline.after(config.totalTimeout(), config.readTimeout());
        if (link == null || link.isBlank()) {
            return Fetch.refused(new Failure(AssetStatus.BLOCKED, "the card gives no link"), link);
        }
        URI first;
        try {
            Optional<Failure> refusal = policy.refusalOfLink(new URI(link));
            if (refusal.isPresent()) {
                return Fetch.refused(refusal.get(), null);
            }
            first = new URI(config.fetchUrl(link));
        } catch (URISyntaxException e) {
            return Fetch.refused(new Failure(AssetStatus.BLOCKED, "'" + link + "' is not a valid URL: "
                    + e.getMessage()), null);
        }
        return follow(first, validators, deadline);
    }

    private Fetch follow(URI first, Validators validators, Deadline deadline) {
        List<URI> visited = new ArrayList<>();
        URI url = first;
        while (true) {
            Optional<Failure> refusal = policy.refusalOfRequest(url);
            if (refusal.isPresent()) {
                Failure failure = refusal.get();
                return Fetch.refused(visited.isEmpty() ? failure
                        : new Failure(failure.status(), "redirected to " + url + ": " + failure.message()),
                        url.toString());
            }
            visited.add(url);
            HttpResponse<BodyChunks> response;
            try {
                HttpRequest request = validators.applyTo(HttpRequest.newBuilder(url))
                        .timeout(deadline.nextWait())
                        .header("User-Agent", USER_AGENT)
                        .GET()
                        .build();
                response = client.send(request, info -> new BodyChunks());
            } catch (IOException e) {
                return Fetch.refused(new Failure(AssetStatus.UNREACHABLE, requestFailure(e, url, deadline)),
                        url.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Fetch.refused(interrupted(), url.toString());
            } catch (IllegalArgumentException e) {
                return Fetch.refused(new Failure(AssetStatus.BLOCKED, url + " cannot be requested: "
                        + e.getMessage()), url.toString());
            }
            Hop hop = new Hop(url, response);
            try (BodyChunks body = response.body()) {
                int status = response.statusCode();
                if (!REDIRECTS.contains(status)) {
                    return answer(hop, body, validators, deadline);
                }
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    return hop.failed(AssetStatus.UNREACHABLE, "HTTP " + status + " redirect without a Location");
                }
                URI next;
                try {
                    next = url.resolve(new URI(location.get()));
                } catch (URISyntaxException e) {
                    return hop.failed(AssetStatus.UNREACHABLE, "redirected to '" + location.get()
                            + "', which is not a valid URL");
                }
                if (visited.contains(next)) {
                    return hop.failed(AssetStatus.UNREACHABLE, "redirect loop: " + chain(visited) + " → " + next);
                }
                if (visited.size() > config.maxRedirects()) {
                    return hop.failed(AssetStatus.UNREACHABLE, "more than " + config.maxRedirects()
                            + " redirects: " + chain(visited) + " → " + next);
                }
                url = next;
            }
        }
    }

    private Fetch answer(Hop hop, BodyChunks body, Validators validators, Deadline deadline) {
        int status = hop.response.statusCode();
        if (status == 304 && !validators.isEmpty()) {
            return hop.notModified(validators);
        }
        if (status != 200) {
            return hop.failed(AssetStatus.UNREACHABLE, "the server answered HTTP " + status + statusWords(status)
                    + " for " + hop.url);
        }
        OptionalLong length = hop.response.headers().firstValueAsLong("Content-Length");
        if (length.isPresent() && length.getAsLong() > config.maxBytes()) {
            return hop.failed(AssetStatus.TOO_LARGE, "the file is " + length.getAsLong()
                    + " bytes, more than the limit of " + config.maxBytes() + "; it was not downloaded");
        }
        return digest(hop, body, deadline);
    }

    private Fetch digest(Hop hop, BodyChunks body, Deadline deadline) {
        MessageDigest sha256 = newSha256();
        long bytes = 0;
        try {
            ByteBuffer chunk;
            while ((chunk = body.next(deadline.nextWait())) != null) {
                bytes += chunk.remaining();
                if (bytes > config.maxBytes()) {
                    return hop.failed(AssetStatus.TOO_LARGE, "the file is larger than the limit of "
                            + config.maxBytes() + " bytes; the download was stopped", bytes);
                }
                if (deadline.passed()) {
                    return hop.failed(AssetStatus.UNREACHABLE, tookTooLong(), bytes);
                }
                sha256.update(chunk);
            }
        } catch (TimeoutException e) {
            return hop.failed(AssetStatus.UNREACHABLE, deadline.passed() ? tookTooLong()
                    : "the download stalled: no data for " + inWords(config.readTimeout()) + " after " + bytes
                            + " bytes", bytes);
        } catch (IOException e) {
            return hop.failed(AssetStatus.UNREACHABLE, "the download broke off after " + bytes + " bytes: "
                    + rootMessage(e), bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return hop.failed(interrupted(), bytes);
        }
        return hop.digested(bytes, HexFormat.of().formatHex(sha256.digest()));
    }

    private String requestFailure(IOException e, URI url, Deadline deadline) {
        String server = url.getHost() + ":" + port(url);
        if (e instanceof HttpConnectTimeoutException) {
            return "could not connect to " + server + " within " + inWords(config.connectTimeout());
        }
        if (e instanceof HttpTimeoutException) {
            return deadline.passed() ? tookTooLong()
                    : "no response from " + server + " within " + inWords(config.readTimeout());
        }
        if (e instanceof ConnectException) {
            // The client reports a refused connection without any message.
            return "could not connect to " + server + ": "
                    + (hasMessage(e) ? rootMessage(e) : "connection refused");
        }
        if (e instanceof SSLException) {
            return "the secure connection to " + server + " failed: " + rootMessage(e);
        }
        return "the request to " + server + " failed: " + rootMessage(e);
    }

    private String tookTooLong() {
        return "the check took longer than its limit of " + inWords(config.totalTimeout());
    }

    private static Failure interrupted() {
        return new Failure(AssetStatus.UNREACHABLE, "the check was interrupted");
    }

    private static String statusWords(int status) {
        if (status == 404 || status == 410) {
            return " (not found)";
        }
        if (status == 401 || status == 403) {
            return " (access denied)";
        }
        if (status == 429) {
            return " (too many requests)";
        }
        return status >= 500 ? " (server error)" : "";
    }

    private static int port(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    private static String chain(List<URI> urls) {
        return urls.stream().map(URI::toString).collect(Collectors.joining(" → "));
    }

    /** The most specific message in a chain of causes: the HTTP client often wraps the real one. */
    private static String rootMessage(Throwable error) {
        String message = error.getClass().getSimpleName();
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage();
            }
        }
        return message;
    }

    private static boolean hasMessage(Throwable error) {
        return !rootMessage(error).equals(error.getClass().getSimpleName());
    }

    private static String inWords(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** One request of a fetch and the response it got. */
    private record Hop(URI url, HttpResponse<?> response) {

        Fetch failed(AssetStatus status, String message) {
            return failed(new Failure(status, message), 0);
        }

        Fetch failed(AssetStatus status, String message, long bytes) {
            return failed(new Failure(status, message), bytes);
        }

        Fetch failed(Failure failure, long bytes) {
            return new Fetch(url.toString(), response.statusCode(), contentType(), bytes, null, Validators.NONE,
                    failure);
        }

        /** The file is still the version {@code sent} identifies. */
        Fetch notModified(Validators sent) {
            return new Fetch(url.toString(), response.statusCode(), contentType(), 0, null, sent, null);
        }

        Fetch digested(long bytes, String sha256) {
            return new Fetch(url.toString(), response.statusCode(), contentType(), bytes, sha256,
                    Validators.of(response.headers()), null);
        }

        private String contentType() {
            return response.headers().firstValue("Content-Type").orElse(null);
        }
    }
}
