package com.kitesession.login;

import com.kitesession.kite.LoopbackHosts;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import okhttp3.HttpUrl;

/**
 * The browser road's catcher (RFC 8252, OAuth for native apps): for one login, listens on exactly
 * the registered loopback redirect address, port and path, and hands the redirect the system
 * browser brings to a {@link Judge}. It binds only the loopback address (never reachable from the
 * network), serves only that path, and closes after the redirect is taken, on {@link #close},
 * or after its timeout. Each request has a read deadline and a size limit; the tab gets a small
 * page that never echoes the token.
 */
public final class LoopbackRedirectListener implements Closeable {
    private static final Logger LOG = Logger.getLogger(LoopbackRedirectListener.class.getName());
    /** How long a browser has to send its request line and headers. */
    static final Duration READ_DEADLINE = Duration.ofSeconds(5);
    /** A request head larger than this is no browser's redirect. */
    static final int MAX_HEAD_BYTES = 16 * 1024;
    /** How long {@link #close} waits for a thread blocked in accept to wake and let go of its socket. */
    private static final Duration WAKE_WAIT = Duration.ofSeconds(1);

    /** What the app makes of a redirect that reached the path. */
    public interface Judge {
        Answer judge(String redirectUrl);
    }

    /**
     * {@code taken}: this login's redirect (or its cancel): the listener closes after answering;
     * otherwise it keeps waiting. {@code page}: the words the tab shows.
     */
    public record Answer(boolean taken, String page) {
        public static Answer taken(String page) {
            return new Answer(true, page);
        }

        public static Answer refused(String page) {
            return new Answer(false, page);
        }
    }

    private final HttpUrl redirect;
    private final List<ServerSocket> sockets;
    private final Judge judge;
    private final Runnable onTimeout;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private volatile Thread timer;
    /** Serving threads blocked in accept: a socket closed under one goes on listening until it wakes. */
    private final Set<Thread> accepting = ConcurrentHashMap.newKeySet();

    private LoopbackRedirectListener(HttpUrl redirect, List<ServerSocket> sockets, Judge judge, Runnable onTimeout) {
        this.redirect = redirect;
        this.sockets = sockets;
        this.judge = judge;
        this.onTimeout = onTimeout;
    }

    /**
     * Starts listening for {@code redirectUrl} (the profile's, as registered). {@code onTimeout}
     * runs (on the listener's thread) if nothing was taken within {@code timeout}.
     */
    public static LoopbackRedirectListener open(String redirectUrl, Duration timeout, Judge judge, Runnable onTimeout)
            throws RedirectListenerProblem {
        HttpUrl url = redirectUrl == null ? null : HttpUrl.parse(redirectUrl.strip());
        if (url == null || !LoopbackHosts.isLoopback(url.host())) {
            throw new RedirectListenerProblem(RedirectListenerProblem.Kind.NOT_LOOPBACK, "The redirect URL "
                    + redirectUrl + " is not on this computer, so the app cannot catch it there. Log in in your browser,"
                    + " then paste the address it lands on (Session > Paste redirect address).");
        }
        if (!url.scheme().equals("http")) {
            throw new RedirectListenerProblem(RedirectListenerProblem.Kind.NOT_HTTP, "The redirect URL " + redirectUrl
                    + " is https on this computer: the app cannot answer it with a certificate your browser trusts."
                    + " Register an http:// loopback address with a port for the browser road, or paste the address.");
        }
        List<ServerSocket> sockets = new ArrayList<>();
        for (InetAddress address : addressesOf(url.host())) {
            try {
                ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                socket.bind(new InetSocketAddress(address, url.port()), 8);
            } catch (IOException e) {
                RedirectListenerProblem problem = RedirectListenerProblem.bindFailed(originOf(url), url.port(), e);
                boolean optionalSecond = url.host().equals("localhost") && address.getAddress().length == 16;
                if (optionalSecond && problem.kind() != RedirectListenerProblem.Kind.PORT_TAKEN) {
                    // No IPv6 loopback here: the IPv4 one serves localhost. Not when another program holds
                    // [::1] and the port: a browser trying ::1 first would hand that program the token.
                    closeQuietly(sockets.remove(sockets.size() - 1));
                    continue;
                }
                sockets.forEach(LoopbackRedirectListener::closeQuietly);
                throw problem;
            }
        }
        LoopbackRedirectListener listener = new LoopbackRedirectListener(url, sockets, judge, onTimeout);
        for (ServerSocket socket : sockets) {
            Thread thread = new Thread(() -> listener.serve(socket), "redirect-listener");
            thread.setDaemon(true);
            thread.start();
        }
        Thread timer = new Thread(() -> listener.expireAfter(timeout), "redirect-listener-timeout");
        timer.setDaemon(true);
        listener.timer = timer;
        timer.start();
        LOG.info(() -> "Waiting for the browser's redirect at " + originOf(url) + url.encodedPath() + " for "
                + timeout.toMinutes() + " min");
        return listener;
    }

    /** The address the redirect uses, e.g. {@code http://127.0.0.1:5483}. */
    public String origin() {
        return originOf(redirect);
    }

    public boolean isOpen() {
        return open.get();
    }

    /** Stops waiting; when it returns, the address refuses connections and the port is free again. */
    @Override
    public void close() {
        if (!open.getAndSet(false)) return;
        sockets.forEach(LoopbackRedirectListener::closeQuietly);
        // The JDK leaves the last close of a socket to the thread blocked in its accept, and until that
        // thread wakes the port still answers and cannot be bound again (a new login's listener found it
        // "taken"). Wait for those threads; one busy with a request has no accept to hold the socket.
        for (Thread serving : accepting) {
            if (serving == Thread.currentThread()) continue;
            try {
                serving.join(WAKE_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Thread waiting = timer;
        if (waiting != null && waiting != Thread.currentThread()) waiting.interrupt();
        LOG.info(() -> "Stopped waiting for the browser's redirect at " + origin());
    }

    private void expireAfter(Duration timeout) {
        try {
            Thread.sleep(timeout.toMillis());
        } catch (InterruptedException e) {
            return;
        }
        if (isOpen()) {
            close();
            onTimeout.run();
        }
    }

    private void serve(ServerSocket server) {
        while (isOpen()) {
            accepting.add(Thread.currentThread());
            try (Socket client = server.accept()) {
                accepting.remove(Thread.currentThread());
                handle(client);
            } catch (IOException e) {
                // Closed (taken, cancelled, timed out), or one client's broken request: the next may be the browser.
            } finally {
                accepting.remove(Thread.currentThread());
            }
        }
    }

    private void handle(Socket client) throws IOException {
        String head = readHead(client);
        OutputStream out = client.getOutputStream();
        String[] requestLine = head == null ? new String[0] : head.split("\r?\n", 2)[0].split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/")) {
            respond(out, 400, "Bad request", "This address is Kite Session Manager waiting for Kite's redirect.");
            return;
        }
        if (!requestLine[0].equals("GET")) {
            respond(out, 405, "Method not allowed", "Only Kite's redirect is taken here.");
            return;
        }
        String target = requestLine[1];
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        if (!samePath(path)) {
            respond(out, 404, "Not found", "Nothing here. Kite Session Manager is waiting at " + redirect.encodedPath()
                    + " for Kite's redirect.");
            return;
        }
        Answer answer = judge.judge(originOf(redirect) + target);
        // Closed before the tab hears back: a request after the taken one finds the port closed
        // (refused), never queued behind it and then reset.
        if (answer.taken()) close();
        respond(out, 200, "Kite Session Manager", answer.page());
    }

    private boolean samePath(String path) {
        return trimSlash(path).equals(trimSlash(redirect.encodedPath()));
    }

    private static String trimSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * The request line and headers up to the blank line; null when the client sent more than the
     * limit. The deadline is for the whole head: a peer sending a byte now and then is let go too.
     */
    private static String readHead(Socket client) throws IOException {
        InputStream in = client.getInputStream();
        long deadline = System.nanoTime() + READ_DEADLINE.toNanos();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (head.size() < MAX_HEAD_BYTES) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) throw new SocketTimeoutException("No request head within " + READ_DEADLINE);
            client.setSoTimeout((int) left);
            int b = in.read();
            if (b < 0) break;
            head.write(b);
            matched = b == '\n' ? matched + 1 : b == '\r' ? matched : 0;
            if (matched == 2) return head.toString(StandardCharsets.ISO_8859_1);
        }
        return head.size() >= MAX_HEAD_BYTES ? null : head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void respond(OutputStream out, int code, String title, String text) throws IOException {
        byte[] body = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title></head>"
                + "<body style=\"font-family: sans-serif; margin: 3em; max-width: 40em\"><h1>" + escape(title)
                + "</h1><p>" + escape(text) + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
        String headers = "HTTP/1.1 " + code + " " + (code == 200 ? "OK" : title) + "\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Cache-Control: no-store\r\n"
                + "Referrer-Policy: no-referrer\r\n"
                + "Connection: close\r\n\r\n";
        out.write(headers.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** localhost: the IPv4 loopback, and the IPv6 one where there is one; otherwise exactly the host. */
    private static List<InetAddress> addressesOf(String host) throws RedirectListenerProblem {
        try {
            if (host.equals("localhost")) {
                return List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"));
            }
            return List.of(InetAddress.getByName(host));
        } catch (IOException e) {
            throw new RedirectListenerProblem(RedirectListenerProblem.Kind.CANNOT_LISTEN, "The app could not find the"
                    + " loopback address " + host + " on this computer. Paste the address after logging in instead.");
        }
    }

    private static String originOf(HttpUrl url) {
        String host = url.host().contains(":") ? "[" + url.host() + "]" : url.host();
        return url.scheme() + "://" + host + (url.port() == 80 ? "" : ":" + url.port());
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is all that was wanted.
        }
    }
}
