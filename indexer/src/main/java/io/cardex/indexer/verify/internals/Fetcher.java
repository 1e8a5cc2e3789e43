package io.cardex.indexer.verify.internals;

import io.cardex.indexer.verify.VerifierConfig;
import io.cardex.cardindex.AssetStatus;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeoutException;

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
    private final FetchFailures failures;
    private final HttpClient client;
    private final ProgressReports progress;

    public Fetcher(VerifierConfig config, ProgressReports progress) {
        this.config = config;
        this.progress = progress;
        this.policy = new UrlPolicy(config);
        this.failures = new FetchFailures(config);
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                // Never through a proxy: it would connect to an address other than the one checked.
                .proxy(HttpClient.Builder.NO_PROXY)
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
            return Fetch.refused(new Failure(AssetStatus.BLOCKED, "the card gives no link"), null);
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
        try (Download download = progress.start(first)) {
            return follow(first, validators, deadline, download);
        }
    }

    private Fetch follow(URI first, Validators validators, Deadline deadline, Download download) {
        List<URI> visited = new ArrayList<>();
        URI url = first;
        while (true) {
            Optional<Failure> refusal = policy.refusalOfRequest(url);
            if (refusal.isPresent()) {
                return Fetch.refused(visited.isEmpty() ? refusal.get()
                        : failures.refusedRedirect(url, refusal.get()), url.toString());
            }
            visited.add(url);
            download.requesting(url);
            HttpResponse<BodyChunks> response;
            try {
                HttpRequest request = validators.applyTo(HttpRequest.newBuilder(url))
                        .timeout(deadline.nextWait())
                        .header("User-Agent", USER_AGENT)
                        .GET()
                        .build();
                response = client.send(request, info -> new BodyChunks());
            } catch (IOException e) {
                return Fetch.refused(failures.requestFailed(e, url, deadline), url.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Fetch.refused(failures.interrupted(), url.toString());
            } catch (IllegalArgumentException e) {
                return Fetch.refused(failures.cannotRequest(url, e), url.toString());
            }
            Hop hop = new Hop(url, response);
            try (BodyChunks body = response.body()) {
                int status = response.statusCode();
                if (!REDIRECTS.contains(status)) {
                    return answer(hop, body, validators, deadline, download);
                }
                Optional<String> location = response.headers().firstValue("Location");
                if (location.isEmpty()) {
                    return hop.failed(failures.redirectWithoutLocation(status));
                }
                URI next;
                try {
                    next = url.resolve(new URI(location.get()));
                } catch (URISyntaxException e) {
                    return hop.failed(failures.redirectToNoUrl(location.get()));
                }
                if (visited.contains(next)) {
                    return hop.failed(failures.redirectLoop(visited, next));
                }
                if (visited.size() > config.maxRedirects()) {
                    return hop.failed(failures.tooManyRedirects(visited, next));
                }
                url = next;
            }
        }
    }

    private Fetch answer(Hop hop, BodyChunks body, Validators validators, Deadline deadline, Download download) {
        int status = hop.response.statusCode();
        if (status == 304 && !validators.isEmpty()) {
            return hop.notModified(validators);
        }
        if (status != 200) {
            return hop.failed(failures.httpStatus(status, hop.url));
        }
        OptionalLong length = hop.response.headers().firstValueAsLong("Content-Length");
        if (length.isPresent() && length.getAsLong() > config.maxBytes()) {
            return hop.failed(failures.announcedTooLarge(length.getAsLong()));
        }
        download.receiving(hop.url, length);
        return digest(hop, body, deadline, download);
    }

    private Fetch digest(Hop hop, BodyChunks body, Deadline deadline, Download download) {
        BlockDigest sha256 = new BlockDigest();
        long bytes = 0;
        try {
            ByteBuffer chunk;
            while ((chunk = body.next(deadline.nextWait())) != null) {
                bytes += chunk.remaining();
                download.read(chunk.remaining());
                if (bytes > config.maxBytes()) {
                    return hop.failed(failures.turnedOutTooLarge(), bytes);
                }
                if (deadline.passed()) {
                    return hop.failed(failures.tookTooLong(), bytes);
                }
                sha256.update(chunk);
            }
        } catch (TimeoutException e) {
            return hop.failed(deadline.passed() ? failures.tookTooLong() : failures.stalled(bytes), bytes);
        } catch (IOException e) {
            return hop.failed(failures.brokeOff(e, bytes), bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return hop.failed(failures.interrupted(), bytes);
        }
        return hop.digested(bytes, sha256.hex());
    }

    /** One request of a fetch and the response it got. */
    private record Hop(URI url, HttpResponse<?> response) {

        Fetch failed(Failure failure) {
            return failed(failure, 0);
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
