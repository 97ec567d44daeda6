package com.kitesession.clock;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import org.apache.commons.net.ntp.NtpV3Impl;
import org.apache.commons.net.ntp.NtpV3Packet;
import org.apache.commons.net.ntp.TimeStamp;

/**
 * A tiny SNTP server on 127.0.0.1 for tests: its clock runs {@code skew} from real time, or is a
 * given clock (public for the window tests, whose "real time" is a simulator clock).
 */
public final class SntpResponder implements AutoCloseable {
    private static final int PACKET_SIZE = 48; // an NTP header without extensions
    private final DatagramSocket socket;
    private final Clock serverClock;
    private final int stratum;
    private final Thread thread;

    SntpResponder(Duration skew) throws IOException {
        this(skew, 1);
    }

    /** Stratum 0 answers with a kiss-o'-death, which a client must not take for the time. */
    SntpResponder(Duration skew, int stratum) throws IOException {
        this(Clock.offset(Clock.systemUTC(), skew), stratum);
    }

    /** A stratum 1 server that answers with {@code serverClock}'s time. */
    public SntpResponder(Clock serverClock) throws IOException {
        this(serverClock, 1);
    }

    private SntpResponder(Clock serverClock, int stratum) throws IOException {
        this.serverClock = serverClock;
        this.stratum = stratum;
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = new Thread(this::serve, "sntp-responder");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try {
                DatagramPacket in = new DatagramPacket(new byte[PACKET_SIZE], PACKET_SIZE);
                socket.receive(in);
                TimeStamp received = TimeStamp.getNtpTime(serverClock.millis());
                NtpV3Impl request = new NtpV3Impl();
                request.setDatagramPacket(in);

                NtpV3Impl reply = new NtpV3Impl();
                reply.setLeapIndicator(NtpV3Packet.LI_NO_WARNING);
                reply.setVersion(request.getVersion());
                reply.setMode(NtpV3Packet.MODE_SERVER);
                reply.setStratum(stratum);
                reply.setReferenceTime(received);
                reply.setOriginateTimeStamp(request.getTransmitTimeStamp());
                reply.setReceiveTimeStamp(received);
                reply.setTransmitTime(TimeStamp.getNtpTime(serverClock.millis()));
                DatagramPacket out = reply.getDatagramPacket();
                out.setSocketAddress(in.getSocketAddress());
                socket.send(out);
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(1000);
    }
}
