package com.kitesession.sim;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
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
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
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
 * <p>Responses are framed as HTTP/1.1 says: Content-Length, chunked, or no body (1xx, 204, 304, or
 * neither header, which is how the JDK answers HEAD). Anything not understood is passed through raw.
 */
final class DateStampingFront implements AutoCloseable {
    /** RFC 9110 IMF-fixdate, e.g. "Mon, 23 Nov 2026 04:30:00 GMT". */
    static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final int MAX_HEAD = 64 * 1024;
    private static final String CRLF = "\r\n";

    private final ServerSocket listener;
    private final InetSocketAddress backend;
    private final Clock clock;
    private final ExecutorService threads;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    DateStampingFront(InetSocketAddress listen, InetSocketAddress backend, Clock clock) throws IOException {
        this.backend = backend;
        this.clock = clock;
        listener = new ServerSocket();
        try {
            listener.bind(listen, 50);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        AtomicInteger n = new AtomicInteger();
        threads = Executors.newCachedThreadPool(r -> {
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
            try {
                threads.execute(() -> serve(client));
            } catch (RejectedExecutionException closing) {
                close(client); // accepted as the front closed: a refusal, not a connection left hanging
                return;
            }
        }
    }

    /** One client connection: its own connection to the server, requests one way, responses the other. */
    private void serve(Socket client) {
        Socket server = open(new Socket());
        try {
            client.setTcpNoDelay(true); // as the server itself (see KiteSimulator): no 40 ms Nagle waits
            server.setTcpNoDelay(true);
            server.connect(backend);
            threads.execute(() -> requests(client, server));
            responses(server.getInputStream(), client.getOutputStream());
        } catch (IOException | RuntimeException goneAway) {
            // either side closed (or sent what is not HTTP); nothing to tell anyone
        } finally {
            close(client);
            close(server);
        }
    }

    private void requests(Socket client, Socket server) {
        try {
            client.getInputStream().transferTo(server.getOutputStream());
            server.shutdownOutput(); // the client finished sending; its responses may still come
        } catch (IOException goneAway) {
            close(client);
            close(server);
        }
    }

    private void responses(InputStream raw, OutputStream out) throws IOException {
        InputStream in = new BufferedInputStream(raw);
        for (byte[] head = readHead(in); head != null; head = readHead(in)) {
            String text = new String(head, StandardCharsets.ISO_8859_1);
            if (!text.startsWith("HTTP/") || !text.endsWith(CRLF + CRLF)) {
                out.write(head); // not a response head we understand: stop interpreting
                in.transferTo(out);
                return;
            }
            ResponseHead parsed = ResponseHead.parse(text);
            out.write(parsed.withDate(IMF_FIXDATE.format(clock.instant())).getBytes(StandardCharsets.ISO_8859_1));
            if (parsed.chunked()) copyChunked(in, out);
            else copy(in, out, parsed.bodyLength());
        }
    }

    /** Bytes up to and including the blank line; null at a clean end between responses. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0; // how much of CRLF CRLF has been seen
        while (head.size() < MAX_HEAD) {
            int b = in.read();
            if (b < 0) return head.size() == 0 ? null : head.toByteArray();
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) break;
        }
        return head.toByteArray();
    }

    private static void copyChunked(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String sizeLine = readLine(in);
            out.write((sizeLine + CRLF).getBytes(StandardCharsets.ISO_8859_1));
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) break;
            copy(in, out, size + 2); // the chunk and its CRLF
        }
        String trailer;
        do {
            trailer = readLine(in);
            out.write((trailer + CRLF).getBytes(StandardCharsets.ISO_8859_1));
        } while (!trailer.isEmpty());
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) throw new EOFException("connection closed inside a chunked body");
            if (line.length() > MAX_HEAD) throw new IOException("chunk line too long");
            if (b != '\r') line.append((char) b);
        }
        return line.toString();
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[8192];
        for (long left = length; left > 0; ) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) throw new EOFException("connection closed inside a body");
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    /** The status line and header lines of one response, and how its body is framed. */
    record ResponseHead(String[] lines, int status, long contentLength, boolean chunked) {
        static ResponseHead parse(String text) {
            String[] lines = text.substring(0, text.length() - 4).split(CRLF, -1);
            String[] statusParts = lines[0].split(" ", 3);
            int status = statusParts.length > 1 ? parseIntOr(statusParts[1], 200) : 200;
            long contentLength = 0;
            boolean chunked = false;
            for (int i = 1; i < lines.length; i++) {
                String lower = lines[i].toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) contentLength = Long.parseLong(lower.substring(15).trim());
                if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
            }
            boolean noBody = status < 200 || status == 204 || status == 304;
            return new ResponseHead(lines, status, noBody ? 0 : contentLength, chunked && !noBody);
        }

        long bodyLength() {
            return contentLength;
        }

        /** The head again, its Date line (added after the status line if missing) set to {@code date}. */
        String withDate(String date) {
            StringBuilder out = new StringBuilder(lines[0]).append(CRLF).append("Date: ").append(date).append(CRLF);
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].regionMatches(true, 0, "Date:", 0, 5)) out.append(lines[i]).append(CRLF);
            }
            return out.append(CRLF).toString();
        }

        private static int parseIntOr(String s, int fallback) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
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
