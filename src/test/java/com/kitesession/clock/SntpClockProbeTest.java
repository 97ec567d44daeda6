package com.kitesession.clock;

import static org.junit.jupiter.api.Assertions.*;

import com.kitesession.sim.SimulatorClock;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SntpClockProbeTest {
    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final Duration TOLERANCE = Duration.ofSeconds(2);

    private static void assertNear(Duration expected, Duration actual) {
        assertTrue(actual.minus(expected).abs().compareTo(TOLERANCE) <= 0, "expected ~" + expected + " but was " + actual);
    }

    @ParameterizedTest
    @ValueSource(longs = {45, -45, 0})
    void measuresTheServersSkew(long skewSeconds) throws Exception {
        try (SntpResponder server = new SntpResponder(Duration.ofSeconds(skewSeconds))) {
            ClockOffset reading = new SntpClockProbe("127.0.0.1", server.port(), TIMEOUT).measure().orElseThrow();
            assertNear(Duration.ofSeconds(skewSeconds), reading.offset());
            assertTrue(reading.uncertainty().compareTo(TOLERANCE) <= 0, reading.uncertainty().toString());
            assertEquals("NTP server 127.0.0.1", reading.source());
        }
    }

    @Test
    void usesTheInjectedLocalClock() throws Exception {
        Clock computer45sAhead = SimulatorClock.startingAt(Instant.now().plusSeconds(45));
        try (SntpResponder server = new SntpResponder(Duration.ZERO)) {
            ClockOffset reading = new SntpClockProbe("localhost", server.port(), TIMEOUT, computer45sAhead).measure().orElseThrow();
            assertNear(Duration.ofSeconds(-45), reading.offset());
            assertTrue(reading.describe().contains("45 s ahead of NTP server localhost"), reading.describe());
        }
    }

    @Test
    void aCallDuringWhichThisComputersClockWasSetIsNotMeasured() throws Exception {
        Instant before = Instant.now();
        Deque<Instant> reads = new ArrayDeque<>(List.of(before, before.plus(Duration.ofHours(17))));
        Clock setForwardMidCall = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return reads.isEmpty() ? before.plus(Duration.ofHours(17)) : reads.poll();
            }
        };
        try (SntpResponder server = new SntpResponder(Duration.ZERO)) {
            assertEquals(Optional.empty(), new SntpClockProbe("127.0.0.1", server.port(), TIMEOUT, setForwardMidCall).measure());
            assertTrue(reads.isEmpty(), "the clock was read around the call");
        }
    }

    @Test
    void aClosedPortIsNotMeasuredWithinTheTimeout() throws Exception {
        int closedPort;
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            closedPort = s.getLocalPort();
        }
        assertEmptyWithinTimeout(new SntpClockProbe("127.0.0.1", closedPort, TIMEOUT));
    }

    @Test
    void anUnknownHostIsNotMeasured() {
        assertEmptyWithinTimeout(new SntpClockProbe("no-such-host.invalid", SntpClockProbe.DEFAULT_PORT, TIMEOUT));
    }

    @Test
    void aKissOfDeathIsNotATime() throws Exception {
        try (SntpResponder server = new SntpResponder(Duration.ZERO, 0)) {
            assertEmptyWithinTimeout(new SntpClockProbe("127.0.0.1", server.port(), TIMEOUT));
        }
    }

    @Test
    void rejectsNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new SntpClockProbe("h", 0, TIMEOUT));
        assertThrows(IllegalArgumentException.class, () -> new SntpClockProbe("h", 123, Duration.ZERO));
        assertEquals("pool.ntp.org", SntpClockProbe.DEFAULT_SERVER);
    }

    private static void assertEmptyWithinTimeout(SntpClockProbe probe) {
        long start = System.nanoTime();
        Optional<ClockOffset> reading = probe.measure();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(reading.isEmpty(), reading.toString());
        assertTrue(took.compareTo(TIMEOUT.plusMillis(500)) < 0, "took " + took);
    }
}
