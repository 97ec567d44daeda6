package com.kitesession.bench;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The API address the scaling runs' profiles point at: forwards every request to the simulator
 * and notes when it came (System.nanoTime, the clock of the app's marks), its path and the status
 * the simulator answered, so the benchmark counts what the app sends to Kite without touching the
 * simulator. The simulator's own limit (10 a second, 429 past it) still applies.
 */
final class CountingProxy implements AutoCloseable {
    /** One request the app sent. */
    record Seen(long nanos, String method, String path, int status) {}

    /** Headers the JDK's client sets itself and refuses to be given. */
    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "transfer-encoding", "keep-alive");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "bench-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Seen> seen = new ArrayList<>();

    private CountingProxy(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::forward);
        server.start();
    }

    static CountingProxy to(String baseUrl) throws IOException {
        return new CountingProxy(URI.create(baseUrl));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Forgets what was seen: the next run starts counting from nothing. */
    synchronized void reset() {
        seen.clear();
    }

    synchronized List<Seen> seen() {
        return List.copyOf(seen);
    }

    private void forward(HttpExchange ex) throws IOException {
        long arrived = System.nanoTime();
        int status = 502;
        try (ex; InputStream in = ex.getRequestBody()) {
            byte[] body = in.readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(ex.getRequestURI().toString()))
                    .timeout(Duration.ofSeconds(10))
                    .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            ex.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) values.forEach(v -> request.header(name, v));
            });
            HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            status = answer.statusCode();
            answer.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    ex.getResponseHeaders().put(name, values);
                }
            });
            byte[] out = answer.body();
            ex.sendResponseHeaders(status, out.length == 0 ? -1 : out.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            answerBadGateway(ex);
        } finally {
            synchronized (this) {
                seen.add(new Seen(arrived, ex.getRequestMethod(), ex.getRequestURI().getPath(), status));
            }
        }
    }

    private static void answerBadGateway(HttpExchange ex) {
        try {
            ex.sendResponseHeaders(502, -1);
        } catch (IOException e) {
            // the app went away, or the answer had begun: the 502 is noted all the same
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
