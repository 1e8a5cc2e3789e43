package io.cardex.benchmarks.search;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Sends requests at a fixed rate, whatever the answers' pace (an open loop): a slow answer does
 * not delay the next request, so queueing shows in the latencies instead of hiding in a lower
 * rate. A latency runs from the moment the request was due to be sent, not from when it was.
 */
final class LoadGenerator {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** What a run measured: latencies in milliseconds, and the answers that were not 200. */
    record Result(List<Double> latenciesMs, int failures) {
    }

    /**
     * @param requests the i-th request to send; called on this thread, so it must be cheap
     */
    Result run(int ratePerSecond, Duration duration, IntFunction<HttpRequest> requests) throws InterruptedException {
        long interval = 1_000_000_000L / ratePerSecond;
        int count = (int) (duration.toNanos() / interval);
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger failures = new AtomicInteger();
        List<CompletableFuture<?>> answers = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            answers.add(client.sendAsync(requests.apply(i), HttpResponse.BodyHandlers.ofByteArray())
                    .whenComplete((response, error) -> {
                        latencies.add((System.nanoTime() - due) / 1e6);
                        if (error != null || response.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    }));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return new Result(List.copyOf(latencies), failures.get());
    }

    static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
    }

    static HttpRequest postJson(URI uri, String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
