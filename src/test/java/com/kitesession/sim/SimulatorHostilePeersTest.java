package com.kitesession.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Local clients that dawdle, hoard connections or send too much: the simulator runs inside the app
 * in the demo, so none of them may starve the next real request or grow it without bound.
 */
class SimulatorHostilePeersTest {
    private static final int SLOW_PEERS = 8;
    private static final int IDLE_PEERS = 300;
    private static final long HUGE_BODY = 400L * 1024 * 1024;

    private KiteSimulator sim;
    private final List<Socket> peers = new ArrayList<>();
    private Thread dripper;

    @BeforeEach
    void start() throws IOException {
        sim = KiteSimulator.start(SimulatorConfig.builder().requestDeadline(Duration.ofSeconds(1)).build());
    }

    @AfterEach
    void stop() throws IOException {
        if (dripper != null) dripper.interrupt();
        for (Socket peer : peers) peer.close();
        sim.close();
    }

    @Test
    void slowAndIdlePeersNeitherStarveTheNextRequestNorGrowTheThreads() throws Exception {
        long threadsBefore = frontThreads();
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < SLOW_PEERS; i++) slow.add(connect());
        dripper = new Thread(() -> drip(slow, "POST /session/token HTTP/1.1\r\nHost: x\r\n"), "test-dripper");
        dripper.setDaemon(true);
        dripper.start();
        Thread.sleep(300); // their requests have begun: they are busy, not idle, when the idle flood comes
        for (int i = 0; i < IDLE_PEERS; i++) connect();
        Thread.sleep(200); // let the front accept them all

        long start = System.nanoTime();
        String status = statusLine(connect(), "GET /user/profile HTTP/1.1\r\nHost: x\r\nX-Kite-Version: 3\r\n\r\n");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(status.startsWith("HTTP/1.1 403"), status);
        assertTrue(millis < 1000, () -> "the real request took " + millis + " ms");

        long grown = frontThreads() - threadsBefore;
        assertTrue(grown <= FrontLimits.MAX_CONNECTIONS + 1, () -> grown + " more front threads for " + IDLE_PEERS + " idle peers");

        // A request still coming a byte a second after the deadline is answered 408 and closed.
        Socket dawdler = slow.get(0);
        dawdler.setSoTimeout(3000);
        String timedOut = new BufferedReader(new InputStreamReader(dawdler.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
        assertTrue(timedOut != null && timedOut.startsWith("HTTP/1.1 408"), () -> "answered " + timedOut);
    }

    @Test
    void aFourHundredMegabytePostIsRefusedAt413WithoutBeingRead() throws Exception {
        Socket socket = connect();
        socket.setSoTimeout(5000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /session/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + HUGE_BODY + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        AtomicLong sent = new AtomicLong();
        Thread streamer = new Thread(() -> stream(out, sent), "test-streamer");
        streamer.setDaemon(true);
        long start = System.nanoTime();
        streamer.start();
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        String status = in.readLine();
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(status != null && status.startsWith("HTTP/1.1 413"), status);
        String body = in.lines().dropWhile(line -> !line.isEmpty()).skip(1).findFirst().orElse("");
        assertTrue(body.contains("\"status\":\"error\"") && body.contains("\"error_type\":\"InputException\""), body);
        assertTrue(millis < 2000, () -> "took " + millis + " ms");
        streamer.join(5000);
        assertTrue(sent.get() < 64L * 1024 * 1024, () -> "the simulator took " + sent.get() + " bytes of the body");
    }

    @Test
    void aChunkedBodyPastTheCapIsRefusedToo() throws Exception {
        StringBuilder request = new StringBuilder("POST /api/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        String chunk = "a".repeat(16 * 1024);
        for (int i = 0; i < 5; i++) request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        request.append("0\r\n\r\n");
        assertEquals("HTTP/1.1 413 Request body larger than 64 KB", statusLine(connect(), request.toString()));
    }

    /** 150 header lines of 1 KB: each line is fine, the head as a whole is not (64 KB in all). */
    @Test
    void aHeadLargerThan64KbInAllIsRefused() throws Exception {
        StringBuilder request = new StringBuilder("GET /connect/login HTTP/1.1\r\nHost: x\r\n");
        for (int i = 0; i < 150; i++) request.append("X-Pad-").append(i).append(": ").append("a".repeat(1024)).append("\r\n");
        request.append("\r\n");
        assertTrue(statusLine(connect(), request.toString()).startsWith("HTTP/1.1 431"));
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(sim.address().getAddress(), sim.port());
        peers.add(socket);
        return socket;
    }

    private static String statusLine(Socket socket, String request) throws IOException {
        socket.setSoTimeout(5000);
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
    }

    /** The start of a request, then one more header byte a second, for a few seconds. */
    private static void drip(List<Socket> sockets, String start) {
        try {
            for (int i = 0; i < 5; i++) {
                for (Socket socket : sockets) {
                    try {
                        socket.getOutputStream().write(i == 0 ? start.getBytes(StandardCharsets.ISO_8859_1) : new byte[] {'X'});
                    } catch (IOException closedByTheFront) {
                        // expected after the deadline
                    }
                }
                Thread.sleep(1000);
            }
        } catch (InterruptedException done) {
            Thread.currentThread().interrupt();
        }
    }

    /** Zeros until the body is complete or the front closes; nothing the size of the body is ever allocated. */
    private static void stream(OutputStream out, AtomicLong sent) {
        byte[] zeros = new byte[64 * 1024];
        try {
            while (sent.get() < HUGE_BODY) {
                out.write(zeros);
                sent.addAndGet(zeros.length);
            }
        } catch (IOException closedByTheFront) {
            // expected: the front answered 413 and closed
        }
    }

    private static long frontThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("kite-sim-front-")).count();
    }
}
