package io.cardex.indexer.verify.internals;

import io.cardex.indexer.verify.VerifierConfig;
import io.cardex.cardindex.AssetStatus;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/** What can go wrong while fetching an asset, each as a {@link Failure} a card author can act on. */
final class FetchFailures {

    private final VerifierConfig config;

    FetchFailures(VerifierConfig config) {
        this.config = config;
    }

    Failure requestFailed(IOException error, URI url, Deadline deadline) {
        String server = url.getHost() + ":" + port(url);
        if (error instanceof HttpConnectTimeoutException) {
            return unreachable("could not connect to " + server + " within " + inWords(config.connectTimeout()));
        }
        if (error instanceof HttpTimeoutException) {
            return deadline.passed() ? tookTooLong()
                    : unreachable("no response from " + server + " within " + inWords(config.readTimeout()));
        }
        if (error instanceof ConnectException) {
            // The client reports a refused connection without any message.
            return unreachable("could not connect to " + server + ": "
                    + (hasMessage(error) ? rootMessage(error) : "connection refused"));
        }
        if (error instanceof SSLException) {
            return unreachable("the secure connection to " + server + " failed: " + rootMessage(error));
        }
        return unreachable("the request to " + server + " failed: " + rootMessage(error));
    }

    Failure cannotRequest(URI url, IllegalArgumentException error) {
        return new Failure(AssetStatus.BLOCKED, url + " cannot be requested: " + error.getMessage());
    }

    Failure httpStatus(int status, URI url) {
        return unreachable("the server answered HTTP " + status + statusWords(status) + " for " + url);
    }

    Failure redirectWithoutLocation(int status) {
        return unreachable("HTTP " + status + " redirect without a Location");
    }

    Failure redirectToNoUrl(String location) {
        return unreachable("redirected to '" + location + "', which is not a valid URL");
    }

    Failure redirectLoop(List<URI> visited, URI next) {
        return unreachable("redirect loop: " + chain(visited, next));
    }

    Failure tooManyRedirects(List<URI> visited, URI next) {
        return unreachable("more than " + config.maxRedirects() + " redirects: " + chain(visited, next));
    }

    Failure refusedRedirect(URI target, Failure refusal) {
        return new Failure(refusal.status(), "redirected to " + target + ": " + refusal.message());
    }

    Failure announcedTooLarge(long length) {
        return new Failure(AssetStatus.TOO_LARGE, "the file is " + length + " bytes, more than the limit of "
                + config.maxBytes() + "; it was not downloaded");
    }

    Failure turnedOutTooLarge() {
        return new Failure(AssetStatus.TOO_LARGE, "the file is larger than the limit of " + config.maxBytes()
                + " bytes; the download was stopped");
    }

    Failure stalled(long bytes) {
        return unreachable("the download stalled: no data for " + inWords(config.readTimeout()) + " after "
                + bytes + " bytes");
    }

    Failure brokeOff(IOException error, long bytes) {
        return unreachable("the download broke off after " + bytes + " bytes: " + rootMessage(error));
    }

    Failure tookTooLong() {
        return unreachable("the check took longer than its limit of " + inWords(config.totalTimeout()));
    }

    Failure interrupted() {
        return unreachable("the check was interrupted");
    }

    private static Failure unreachable(String message) {
        return new Failure(AssetStatus.UNREACHABLE, message);
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

    private static String chain(List<URI> visited, URI next) {
        return visited.stream().map(URI::toString).collect(Collectors.joining(" → ")) + " → " + next;
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
}
