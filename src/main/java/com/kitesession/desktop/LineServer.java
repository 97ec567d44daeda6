package com.kitesession.desktop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers one-line requests on a listening channel, with one thread and a selector. A request is a
 * line of at most {@code maxBytes} that must arrive whole within {@code deadline} of the connection
 * (one deadline for the line, not a timeout that restarts with every byte); it gets one line back,
 * and the connection is closed. A slow or idle peer costs a small buffer, not a thread, so none can
 * hold up the next; past {@code maxConnections} the oldest connection is dropped to make room.
 */
final class LineServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LineServer.class.getName());

    /** A connection whose line is still coming. */
    private static final class Pending {
        final long deadline;
        final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Pending(long deadline) {
            this.deadline = deadline;
        }
    }

    private final ServerSocketChannel listener;
    private final Selector selector;
    private final int maxBytes;
    private final long deadlineNanos;
    private final int maxConnections;
    private final UnaryOperator<String> answer;
    /** Oldest first; touched by the server's thread only. */
    private final Map<SelectionKey, Pending> pending = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    /** Starts serving {@code listener} (bound already) on a daemon thread; {@code answer} gives the reply line, or null for none. */
    LineServer(ServerSocketChannel listener, int maxBytes, Duration deadline, int maxConnections,
            UnaryOperator<String> answer, String threadName) throws IOException {
        this.listener = listener;
        this.maxBytes = maxBytes;
        this.deadlineNanos = deadline.toNanos();
        this.maxConnections = maxConnections;
        this.answer = answer;
        selector = Selector.open();
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return listener.socket().getLocalPort();
    }

    private void run() {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        try {
            while (!closed) {
                // Idle, it sleeps until a connection comes (close() wakes it); with a line still
                // coming, until the oldest one's deadline.
                selector.select(millisToFirstDeadline());
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (!key.isValid()) continue;
                    if (key.isAcceptable()) accept();
                    else if (key.isReadable()) read(key, buffer);
                }
                long now = System.nanoTime();
                pending.entrySet().removeIf(e -> now - e.getValue().deadline > 0 && drop(e.getKey()));
            }
        } catch (IOException | RuntimeException e) { // ClosedSelectorException among them
            if (!closed) LOG.log(Level.WARNING, "the single-instance listener stopped: " + e.getClass().getName());
        } finally {
            List.copyOf(pending.keySet()).forEach(LineServer::drop);
            pending.clear();
            closeQuietly(selector);
            closeQuietly(listener);
        }
    }

    /** 0 (no timeout) when no line is coming; else at least 1 ms, so a due deadline is not a busy loop. */
    private long millisToFirstDeadline() {
        if (pending.isEmpty()) return 0;
        long nanos = pending.values().iterator().next().deadline - System.nanoTime();
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos) + 1);
    }

    private void accept() throws IOException {
        for (SocketChannel client = listener.accept(); client != null; client = listener.accept()) {
            if (pending.size() >= maxConnections) {
                SelectionKey oldest = pending.keySet().iterator().next();
                pending.remove(oldest);
                drop(oldest);
            }
            client.configureBlocking(false);
            pending.put(client.register(selector, SelectionKey.OP_READ), new Pending(System.nanoTime() + deadlineNanos));
        }
    }

    private void read(SelectionKey key, ByteBuffer buffer) {
        Pending request = pending.get(key);
        if (request == null) return;
        try {
            buffer.clear();
            int n = ((SocketChannel) key.channel()).read(buffer);
            if (n < 0) { // the peer finished without a newline: what came is the line
                reply(key, request);
                return;
            }
            for (int i = 0; i < n; i++) {
                byte b = buffer.get(i);
                if (b == '\n') {
                    reply(key, request);
                    return;
                }
                if (request.line.size() >= maxBytes) { // not a request of ours: stop reading it
                    pending.remove(key);
                    drop(key);
                    return;
                }
                request.line.write(b);
            }
        } catch (IOException e) {
            pending.remove(key);
            drop(key);
        }
    }

    private void reply(SelectionKey key, Pending request) {
        pending.remove(key);
        try {
            String line = answer.apply(request.line.toString(StandardCharsets.UTF_8));
            // One short line fits the socket's send buffer: a non-blocking write sends it whole.
            if (line != null) ((SocketChannel) key.channel()).write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "a single-instance reply failed: " + e.getClass().getName());
        } finally {
            drop(key);
        }
    }

    /** Closes the connection; true, so that it can stand in a removeIf. */
    private static boolean drop(SelectionKey key) {
        key.cancel();
        closeQuietly(key.channel());
        return true;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing anyway
        }
    }

    /** Stops serving and closes every connection; waits up to a second for the thread. */
    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        if (Thread.currentThread() == thread) return;
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
