package com.kitesession.sim;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The front against a bare JDK server: every framing the JDK can produce, on one kept-alive connection. */
class DateStampingFrontTest {
    private static final Instant T = Instant.parse("2026-11-23T04:30:00Z");
    private final SimulatorClock clock = SimulatorClock.fixedAt(T);
    private HttpServer backend;
    private DateStampingFront front;
    private final AtomicInteger connections = new AtomicInteger();
    private final OkHttpClient http = new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool())
            .callTimeout(Duration.ofSeconds(5))
            .eventListener(new EventListener() {
                @Override
                public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
                    connections.incrementAndGet();
                }
            })
            .build();

    @BeforeEach
    void start() throws IOException {
        backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        backend.createContext("/fixed", ex -> {
            ex.getResponseHeaders().set("Date", "Thu, 01 Jan 1970 00:00:00 GMT"); // the JDK replaces this one
            reply(ex, 200, "fixed-length body");
        });
        backend.createContext("/chunked", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("first ".getBytes(StandardCharsets.UTF_8));
                out.flush();
                out.write("second".getBytes(StandardCharsets.UTF_8));
            }
        });
        backend.createContext("/none", ex -> {
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        backend.createContext("/head", ex -> {
            ex.sendResponseHeaders(200, -1); // as the JDK answers HEAD: no Content-length, no body
            ex.close();
        });
        backend.start();
        front = new DateStampingFront(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backend.getAddress(), clock);
    }

    @AfterEach
    void stop() {
        front.close();
        backend.stop(0);
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private Response call(String method, String path) throws IOException {
        String url = "http://127.0.0.1:" + front.address().getPort() + path;
        return http.newCall(new Request.Builder().url(url).method(method, null).build()).execute();
    }

    @Test
    void everyFramingPassesAndEachResponseGetsTheClocksDate() throws IOException {
        String[][] calls = {{"GET", "/fixed", "fixed-length body"}, {"GET", "/chunked", "first second"},
            {"GET", "/none", ""}, {"HEAD", "/head", ""}, {"GET", "/fixed", "fixed-length body"}};
        for (String[] c : calls) {
            try (Response r = call(c[0], c[1])) {
                assertEquals(c[2], r.body().string(), c[1]);
                assertEquals(1, r.headers("Date").size(), c[1] + ": one Date header");
                assertEquals("Mon, 23 Nov 2026 04:30:00 GMT", r.header("Date"), c[1]);
            }
        }
        assertEquals(1, connections.get(), "one kept-alive connection: the framing stayed in step");
    }

    @Test
    void theDateFollowsTheClock() throws IOException {
        clock.setInstant(T.plusSeconds(45).plusMillis(999));
        try (Response r = call("GET", "/fixed")) {
            Date date = r.headers().getDate("Date");
            assertEquals(T.plusSeconds(45), date.toInstant(), "whole seconds, truncated as servers do");
        }
    }

    @Test
    void closingStopsServing() throws IOException {
        int port = front.address().getPort();
        front.close();
        OkHttpClient fresh = http.newBuilder().retryOnConnectionFailure(false).build();
        assertThrows(IOException.class, () -> fresh.newCall(new Request.Builder().url("http://127.0.0.1:" + port + "/fixed").build()).execute());
    }
}
