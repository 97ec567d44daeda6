package com.kitesession.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Local peers that connect to the single-instance port and then dawdle or say nothing at all. */
class SingleInstanceSlowPeersTest {
    private static final int IDLE_PEERS = 200;
    private static final int DRIPPING_PEERS = 4;

    @TempDir
    Path dir;

    private final BlockingQueue<List<String>> handoffs = new LinkedBlockingQueue<>();
    private final List<Socket> peers = new ArrayList<>();
    private SingleInstance.Primary primary;
    private Thread dripper;

    @AfterEach
    void closeAll() throws Exception {
        if (dripper != null) dripper.interrupt();
        for (Socket peer : peers) peer.close();
        if (primary != null) primary.close();
    }

    @Test
    void theNextLaunchIsServedAtOnceWhileOthersDripBytesOrSitIdle() throws Exception {
        primary = (SingleInstance.Primary) SingleInstance.acquire(dir, List.of(), handoffs::add);
        for (int i = 0; i < IDLE_PEERS; i++) connect();
        long dripStart = System.nanoTime();
        List<Socket> dripping = new ArrayList<>();
        for (int i = 0; i < DRIPPING_PEERS; i++) dripping.add(connect());
        dripper = new Thread(() -> drip(dripping), "test-dripper");
        dripper.setDaemon(true);
        dripper.start();

        long start = System.nanoTime();
        SingleInstance.Outcome second = SingleInstance.acquire(dir, List.of("--profile", "p1"),
                args -> { throw new AssertionError("opened a second primary"); }, Duration.ofSeconds(5));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertInstanceOf(SingleInstance.Secondary.class, second);
        assertTrue(millis < 1000, () -> "the hand-off took " + millis + " ms");
        assertEquals(List.of("--profile", "p1"), handoffs.poll(5, TimeUnit.SECONDS));

        // A byte a second keeps no connection open past the one deadline for the whole line.
        Socket slow = dripping.get(DRIPPING_PEERS - 1);
        slow.setSoTimeout(InstanceHandOff.SOCKET_TIMEOUT_MILLIS + 2000);
        assertTrue(endsOrResets(slow.getInputStream()));
        long heldMillis = (System.nanoTime() - dripStart) / 1_000_000;
        assertTrue(heldMillis <= InstanceHandOff.SOCKET_TIMEOUT_MILLIS + 1000, () -> "held " + heldMillis + " ms");
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), primary.port());
        peers.add(socket);
        return socket;
    }

    /** A hand-off line that never ends: one byte a second on every socket. */
    private static void drip(List<Socket> sockets) {
        try {
            for (int i = 0; i < 10; i++) {
                for (Socket socket : sockets) {
                    try {
                        OutputStream out = socket.getOutputStream();
                        out.write(i == 0 ? '{' : ' ');
                        out.flush();
                    } catch (IOException closedByTheServer) {
                        // expected once the deadline passed
                    }
                }
                Thread.sleep(1000);
            }
        } catch (InterruptedException done) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once the server closed the connection (EOF, or a reset after unread bytes). */
    private static boolean endsOrResets(InputStream in) {
        try {
            return in.read() == -1;
        } catch (IOException reset) {
            return !(reset instanceof SocketTimeoutException);
        }
    }
}
