package io.cardex.indexer.verify;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on 127.0.0.1 that serves what a test tells it and counts what it is asked. */
final class AssetServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger mostActive = new AtomicInteger();

    private AssetServer(HttpServer server) {
        this.server = server;
        server.setExecutor(handlers);
        server.start();
    }

    static AssetServer start() {
        try {
            return new AssetServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A verifier configuration that may fetch from this server, with time-outs short enough for tests. */
    static VerifierConfig config() {
        return VerifierConfig.builder()
                .allowedHosts(Set.of("127.0.0.1"))
                .allowLoopback(true)
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(10)).build();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Serves {@code body} at {@code path} with a Content-Length. */
    void serve(String path, byte[] body) {
        handle(path, exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        });
    }

    void redirect(String path, String location) {
        handle(path, exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
        });
    }

    void status(String path, int status) {
        handle(path, exchange -> exchange.sendResponseHeaders(status, -1));
    }

    void handle(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            requests.computeIfAbsent(exchange.getRequestURI().getPath(), any -> new AtomicInteger()).incrementAndGet();
            mostActive.accumulateAndGet(active.incrementAndGet(), Math::max);
            try {
                handler.handle(exchange);
            } finally {
                active.decrementAndGet();
                exchange.close();
            }
        });
    }

    /** How many requests for {@code path} came in. */
    int requests(String path) {
        AtomicInteger count = requests.get(path);
        return count == null ? 0 : count.get();
    }

    /** The most requests the server was handling at the same time. */
    int mostConcurrentRequests() {
        return mostActive.get();
    }

    /** Writes {@code body}, flushing, one chunk every {@code pause}, until done or the client is gone. */
    static void trickle(HttpExchange exchange, byte[] body, int chunk, Duration pause) throws IOException {
        OutputStream out = exchange.getResponseBody();
        for (int at = 0; at < body.length; at += chunk) {
            out.write(body, at, Math.min(chunk, body.length - at));
            out.flush();
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
