package com.kitesession.sim;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulator's public port: a loopback TCP front that passes requests through untouched and
 * gives each response head a Date line from the simulator's clock.
 *
 * <p>Why: the JDK HttpServer (sun.net.httpserver.ExchangeImpl.sendResponseHeaders, JDK 17 and
 * later alike) does {@code rspHdrs.set("Date", FORMATTER.format(Instant.now()))} on every response,
 * so a Date set by a handler is always replaced with system time, and no filter or hook runs
 * between that line and the write. Real servers stamp their own clock; a skewed simulator must too,
 * or the app could never see the skew.
 *
 * <p>Each request is read whole first ({@link FrontRequest}: one deadline, a 64 KB body cap), so the
 * server's few threads never wait on a slow client; then it goes to the server on this connection's
 * own server connection, and the one response comes back. A connection costs one thread, and at
 * most {@link FrontLimits#maxConnections()} are served: past that, an idle one is closed to make room,
 * or the newcomer is refused. Idle connections close after the idle timeout.
 *
 * <p>Responses are framed as HTTP/1.1 says: Content-Length, chunked, or no body (1xx, 204, 304, or
 * neither header, which is how the JDK answers HEAD). Anything not understood is passed through raw.
 */
final class DateStampingFront implements AutoCloseable {
    /** RFC 9110 IMF-fixdate, e.g. "Mon, 23 Nov 2026 04:30:00 GMT". */
    static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final String CRLF = "\r\n";

    private final ServerSocket listener;
    private final InetSocketAddress backend;
    private final Clock clock;
    private final FrontLimits limits;
    private final ExecutorService threads;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    /** Client connections being served, oldest first, each with whether it waits for its next request; guarded by itself. */
    private final Map<Socket, AtomicBoolean> clients = new LinkedHashMap<>();
    private volatile boolean closed;

    DateStampingFront(InetSocketAddress listen, InetSocketAddress backend, Clock clock) throws IOException {
        this(listen, backend, clock, FrontLimits.DEFAULT);
    }

    DateStampingFront(InetSocketAddress listen, InetSocketAddress backend, Clock clock, FrontLimits limits) throws IOException {
        this.backend = backend;
        this.clock = clock;
        this.limits = limits;
        listener = new ServerSocket();
        try {
            listener.bind(listen, 50);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        AtomicInteger n = new AtomicInteger();
        // One thread a connection, and the acceptor: admit() keeps the connections within the pool.
        threads = Executors.newFixedThreadPool(limits.maxConnections() + 1, r -> {
            Thread t = new Thread(r, "kite-sim-front-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        threads.execute(this::acceptLoop);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = open(listener.accept());
            } catch (IOException listenerClosed) {
                return;
            }
            if (!admit(client)) {
                close(client); // refused at once: every connection is in the middle of a request
                continue;
            }
            try {
                threads.execute(() -> serve(client));
            } catch (RejectedExecutionException closing) {
                close(client); // accepted as the front closed: a refusal, not a connection left hanging
                return;
            }
        }
    }

    /** Takes the connection on, closing the oldest idle one if that many are served already; false if none is idle. */
    private boolean admit(Socket client) {
        synchronized (clients) {
            if (clients.size() >= limits.maxConnections()) {
                Socket idle = clients.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey)
                        .findFirst().orElse(null);
                if (idle == null) return false;
                clients.remove(idle);
                close(idle);
            }
            clients.put(client, new AtomicBoolean(true));
            return true;
        }
    }

    /** One client connection: each request read whole, sent to the server, and its response relayed. */
    private void serve(Socket client) {
        AtomicBoolean idle;
        synchronized (clients) {
            idle = clients.get(client);
        }
        Socket server = null;
        try {
            if (idle == null) return; // made room for a newer one before it started
            client.setTcpNoDelay(true); // as the server itself (see KiteSimulator): no 40 ms Nagle waits
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            InputStream fromServer = null;
            while (true) {
                idle.set(true);
                if (!FrontRequest.awaitStart(client, in, limits)) return;
                idle.set(false);
                byte[] request;
                try {
                    request = FrontRequest.read(client, in, limits);
                } catch (FrontRequest.Refused refused) {
                    out.write(Http.errorResponse(refused.error, IMF_FIXDATE.format(clock.instant())));
                    out.flush();
                    lingerBriefly(client, in);
                    return;
                }
                client.setSoTimeout(0); // the server may take its time; the client waits on it, not on us
                boolean fresh = server == null;
                if (fresh) {
                    server = connect();
                    fromServer = new BufferedInputStream(server.getInputStream());
                }
                server.getOutputStream().write(request);
                Relayed relayed = relay(fromServer, out);
                if (relayed == Relayed.NOTHING && !fresh) { // the server had closed the kept connection: once more on a new one
                    close(server);
                    server = connect();
                    fromServer = new BufferedInputStream(server.getInputStream());
                    server.getOutputStream().write(request);
                    relayed = relay(fromServer, out);
                }
                if (relayed != Relayed.KEEP_OPEN) return;
            }
        } catch (IOException | RuntimeException goneAway) {
            // either side closed (or sent what is not HTTP); nothing to tell anyone
        } finally {
            synchronized (clients) {
                clients.remove(client);
            }
            close(client);
            if (server != null) close(server);
        }
    }

    /**
     * After a refusal: closing with the client's bytes unread would send a reset, which can destroy
     * the answer before the client reads it. So: no more from us, and a short, capped discard.
     */
    private void lingerBriefly(Socket client, InputStream in) throws IOException {
        client.shutdownOutput();
        long end = System.nanoTime() + 500_000_000L; // half a second in all, however the client drips
        byte[] discard = new byte[8192];
        for (long left = limits.maxBodyBytes(); left > 0; ) {
            long waitMillis = (end - System.nanoTime()) / 1_000_000;
            if (waitMillis <= 0) return;
            client.setSoTimeout((int) waitMillis);
            int n = in.read(discard, 0, (int) Math.min(discard.length, left));
            if (n < 0) return;
            left -= n;
        }
    }

    private Socket connect() throws IOException {
        Socket server = open(new Socket());
        server.setTcpNoDelay(true);
        server.connect(backend);
        return server;
    }

    private enum Relayed { KEEP_OPEN, CLOSE, NOTHING }

    /** Relays the response to one request (after any 1xx), its head stamped with the clock's Date. */
    private Relayed relay(InputStream in, OutputStream out) throws IOException {
        for (byte[] head = ResponseHead.read(in); head != null; head = ResponseHead.read(in)) {
            String text = new String(head, StandardCharsets.ISO_8859_1);
            if (!text.startsWith("HTTP/") || !text.endsWith(CRLF + CRLF)) {
                out.write(head); // not a response head we understand: stop interpreting
                in.transferTo(out);
                return Relayed.CLOSE;
            }
            ResponseHead parsed = ResponseHead.parse(text);
            out.write(parsed.withDate(IMF_FIXDATE.format(clock.instant())).getBytes(StandardCharsets.ISO_8859_1));
            parsed.copyBody(in, out);
            if (parsed.status() >= 200) return parsed.closes() ? Relayed.CLOSE : Relayed.KEEP_OPEN;
        }
        return Relayed.NOTHING;
    }

    private Socket open(Socket socket) {
        sockets.add(socket);
        // Opened while close() ran: it may have missed this one in its sweep.
        if (closed) close(socket);
        return socket;
    }

    private void close(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sockets.forEach(this::close);
        threads.shutdownNow();
    }
}
