package com.kitesession.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.mockwebserver.SocketPolicy;
import okio.Buffer;

/**
 * A Kite on 127.0.0.1 that misbehaves on cue, for the client's three calls: {@code /session/token}
 * (POST exchange, DELETE logout) and {@code /user/profile}. Without a fault it answers with
 * Zerodha's own mock bodies. A second server plays "another host" that a redirect points to: it
 * must receive nothing. The endless body needs a raw socket (MockWebServer holds bodies in memory).
 */
public final class HostileKite implements AutoCloseable {
    /** Everything the peer can do wrong; {@link #NONE} behaves. */
    public enum Fault {
        NONE, REDIRECT_SAME_HOST, REDIRECT_OTHER_HOST, HUGE_BODY, ENDLESS_CHUNKED_BODY, BYTE_PER_TICK,
        RESET_MID_BODY, TRUNCATED_JSON, HTML_502, UNKNOWN_ERROR_TYPE, EMPTY_200, WRONG_CONTENT_TYPE
    }

    /** Each dripped byte comes this long after the last: slower than any useful answer, faster than a read timeout. */
    private static final Duration TICK = Duration.ofMillis(250);

    private final MockWebServer kite = new MockWebServer();
    private final MockWebServer otherHost = new MockWebServer();
    private final ServerSocket endless;
    private final Thread endlessThread;
    private volatile Fault fault = Fault.NONE;

    public HostileKite() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        kite.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return answer(request);
            }
        });
        kite.start(loopback, 0);
        otherHost.start(loopback, 0);
        endless = new ServerSocket(0, 50, loopback);
        endlessThread = new Thread(this::serveEndlessly, "hostile-kite-endless");
        endlessThread.setDaemon(true);
        endlessThread.start();
    }

    /** A client with timeouts short enough that each fault ends in about a second. */
    public static OkHttpClient shortTimeouts() {
        return new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(1))
                .writeTimeout(Duration.ofSeconds(1)).callTimeout(Duration.ofMillis(1500))
                .retryOnConnectionFailure(false).build();
    }

    public void serve(Fault fault) {
        this.fault = fault;
    }

    /** The API base for the current fault (the endless body comes from its own socket). */
    public String apiBase() {
        return "http://127.0.0.1:" + (fault == Fault.ENDLESS_CHUNKED_BODY ? endless.getLocalPort() : kite.getPort());
    }

    /** Requests Kite (this fixture) received so far. */
    public int requestsToKite() {
        return kite.getRequestCount();
    }

    /** Requests the other host received: a client that followed a redirect sent them its secrets. */
    public int requestsToOtherHost() {
        return otherHost.getRequestCount();
    }

    public String otherHostUrl() {
        return "http://localhost:" + otherHost.getPort() + "/session/token";
    }

    private MockResponse answer(RecordedRequest request) {
        String good = goodBody(request);
        MockResponse json = new MockResponse().setHeader("Content-Type", "application/json");
        return switch (fault) {
            case NONE -> json.setBody(good);
            case REDIRECT_SAME_HOST -> new MockResponse().setResponseCode(307).setHeader("Location", request.getPath());
            case REDIRECT_OTHER_HOST -> new MockResponse().setResponseCode(307).setHeader("Location", otherHostUrl());
            case HUGE_BODY -> json.setBody(new Buffer().writeUtf8(good).writeUtf8(" ".repeat(2 * 1024 * 1024)));
            case BYTE_PER_TICK -> json.setBody(good).throttleBody(1, TICK.toMillis(), TimeUnit.MILLISECONDS);
            case RESET_MID_BODY -> json.setBody(good).setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY);
            case TRUNCATED_JSON -> json.setBody(good.substring(0, good.length() / 2));
            case HTML_502 -> new MockResponse().setResponseCode(502).setHeader("Content-Type", "text/html")
                    .setBody("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>");
            case UNKNOWN_ERROR_TYPE -> json.setResponseCode(500).setBody("{\"status\":\"error\",\"message\":"
                    + "\"Something odd happened\",\"error_type\":\"WeirdNewException\",\"data\":null}");
            case EMPTY_200 -> new MockResponse().setResponseCode(200);
            case WRONG_CONTENT_TYPE -> new MockResponse().setHeader("Content-Type", "text/html").setBody(good);
            case ENDLESS_CHUNKED_BODY -> throw new IllegalStateException("served by the raw socket");
        };
    }

    /** Zerodha's mock answer for the call: exchange, logout or profile. */
    private static String goodBody(RecordedRequest request) {
        String path = request.getPath() == null ? "" : request.getPath();
        if (path.startsWith("/user/profile")) return Fixtures.read("profile.json");
        return "DELETE".equals(request.getMethod()) ? Fixtures.read("session_logout.json")
                : Fixtures.read("generate_session.json");
    }

    /** Reads each request's head, then sends a chunked JSON-looking body that never ends. */
    private void serveEndlessly() {
        while (!endless.isClosed()) {
            try (Socket socket = endless.accept()) {
                socket.getInputStream().read(new byte[8192]);
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "b\r\n{\"status\":\r\n").getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = ("10000\r\n" + " ".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                while (true) out.write(chunk); // until the client hangs up
            } catch (IOException e) {
                // the client hung up, or the fixture closed: wait for the next one
            }
        }
    }

    @Override
    public void close() throws IOException {
        endless.close();
        kite.shutdown();
        otherHost.shutdown();
    }
}
