package io.cardex.benchmarks.verify;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves one file over HTTP/1.1 on a free loopback port, at every path under {@code /asset/}, with
 * its Content-Length. The body goes out with {@link FileChannel#transferTo} (sendfile on Linux):
 * the kernel hands the cached pages to the socket, so the server costs almost no CPU and the
 * benchmark measures the verifier, not the server. One thread per connection, one request per
 * connection.
 */
final class AssetFileServer implements AutoCloseable {

    private static final int MAX_REQUEST_HEAD = 8 * 1024;

    private final Path file;
    private final long size;
    private final ServerSocketChannel listener;
    private final int port;
    private final ExecutorService connections = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "asset-file-server");
        thread.setDaemon(true);
        return thread;
    });

    AssetFileServer(Path file, long size) throws IOException {
        this.file = file;
        this.size = size;
        this.listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
        connections.execute(this::accept);
    }

    /** The URL of the file under a name of its own, so the verifier does not reuse an earlier check. */
    String url(String name) {
        return "http://127.0.0.1:" + port + "/asset/" + name;
    }

    private void accept() {
        while (listener.isOpen()) {
            try {
                SocketChannel connection = listener.accept();
                connections.execute(() -> serve(connection));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(SocketChannel connection) {
        try (connection; FileChannel body = FileChannel.open(file, StandardOpenOption.READ)) {
            String requestLine = readRequestHead(connection);
            String[] parts = requestLine.split(" ");
            boolean found = parts.length == 3 && parts[0].equals("GET") && parts[1].startsWith("/asset/");
            String head = found
                    ? "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " + size
                    + "\r\nConnection: close\r\n\r\n"
                    : "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            ByteBuffer headBytes = ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII));
            while (headBytes.hasRemaining()) {
                connection.write(headBytes);
            }
            long sent = 0;
            while (found && sent < size) {
                sent += body.transferTo(sent, size - sent, connection);
            }
        } catch (IOException e) {
            // The client went away (e.g. a verifier that gave up); nothing to answer.
        }
    }

    /** Reads up to the blank line ending the request's head and returns its first line. */
    private static String readRequestHead(SocketChannel connection) throws IOException {
        ByteBuffer head = ByteBuffer.allocate(MAX_REQUEST_HEAD);
        while (head.hasRemaining()) {
            if (connection.read(head) < 0) {
                break;
            }
            String text = new String(head.array(), 0, head.position(), StandardCharsets.US_ASCII);
            if (text.contains("\r\n\r\n")) {
                return text.substring(0, text.indexOf("\r\n"));
            }
        }
        return "";
    }

    @Override
    public void close() throws IOException {
        listener.close();
        connections.shutdownNow();
    }
}
