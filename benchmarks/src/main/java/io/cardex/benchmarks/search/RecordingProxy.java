package io.cardex.benchmarks.search;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands between the API and Elasticsearch and writes down every request the API sends, so
 * that the benchmark can send the very same requests straight to Elasticsearch.
 */
final class RecordingProxy implements AutoCloseable {

    /** One request the API sent to Elasticsearch. */
    record EsRequest(String method, String pathAndQuery, String contentType, String accept, byte[] body) {
    }

    private final URI elasticsearch;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final HttpServer server;
    private final List<EsRequest> recorded = new ArrayList<>();

    RecordingProxy(URI elasticsearch) throws IOException {
        this.elasticsearch = elasticsearch;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::forward);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The requests recorded since the last call. */
    synchronized List<EsRequest> take() {
        List<EsRequest> taken = List.copyOf(recorded);
        recorded.clear();
        return taken;
    }

    private void forward(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        // Both: Elasticsearch refuses a compatible-with media type on one of them only.
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String accept = exchange.getRequestHeaders().getFirst("Accept");
        EsRequest request = new EsRequest(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                contentType, accept, body);
        synchronized (this) {
            recorded.add(request);
        }
        try {
            HttpResponse<byte[]> response = client.send(toElasticsearch(elasticsearch, request),
                    HttpResponse.BodyHandlers.ofByteArray());
            response.headers().firstValue("Content-Type")
                    .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
            // The client checks that it speaks to Elasticsearch by this header.
            response.headers().firstValue("X-elastic-product")
                    .ifPresent(product -> exchange.getResponseHeaders().set("X-elastic-product", product));
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
        }
    }

    /** The recorded request, addressed to Elasticsearch itself. */
    static HttpRequest toElasticsearch(URI elasticsearch, EsRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(elasticsearch.resolve(request.pathAndQuery()))
                .method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (request.accept() != null) {
            builder.header("Accept", request.accept());
        }
        return builder.build();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
