package com.kitesession.clock;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.commons.net.ntp.NTPUDPClient;
import org.apache.commons.net.ntp.NtpV3Packet;
import org.apache.commons.net.ntp.TimeInfo;

/**
 * One SNTP (RFC 4330) exchange through commons-net. The offset is worked out here from this
 * computer's injectable clock read just before and after the exchange, not from the library's
 * System.currentTimeMillis(), so a test can skew "this computer".
 */
public final class SntpClockProbe {
    public static final String DEFAULT_SERVER = "pool.ntp.org";
    public static final int DEFAULT_PORT = NTPUDPClient.DEFAULT_PORT;

    private final String host;
    private final int port;
    private final Duration timeout;
    private final Clock localClock;

    public SntpClockProbe(String host, int port, Duration timeout) {
        this(host, port, timeout, Clock.systemUTC());
    }

    public SntpClockProbe(String host, int port, Duration timeout, Clock localClock) {
        this.host = Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port must be 1..65535, not " + port);
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
        this.port = port;
        this.timeout = timeout;
        this.localClock = Objects.requireNonNull(localClock, "localClock");
    }

    public String source() {
        return "NTP server " + host;
    }

    /**
     * Empty on any failure (unknown host, timeout, refused, a reply that is no time), and when this
     * computer's clock was set during the call ({@link TimedCall#clockWasSet()}); never throws.
     */
    public Optional<ClockOffset> measure() {
        long deadline = System.nanoTime() + timeout.toNanos(); // monotonic: only bounds the wait
        NTPUDPClient client = new NTPUDPClient();
        try {
            Optional<InetAddress> address = resolve(deadline);
            if (address.isEmpty()) return Optional.empty();
            client.setDefaultTimeout(Duration.ofNanos(Math.max(remaining(deadline), 1_000_000)));
            client.open();
            TimedCall<TimeInfo> call = TimedCall.time(localClock, () -> client.getTime(address.get(), port));
            if (call.clockWasSet()) return Optional.empty();
            return reading(call.result().getMessage(), call.sent(), call.received());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } finally {
            client.close();
        }
    }

    /** The JDK cannot bound a DNS lookup, so it runs on a daemon thread we stop waiting for. */
    private Optional<InetAddress> resolve(long deadline) {
        FutureTask<InetAddress> lookup = new FutureTask<>(() -> InetAddress.getByName(host));
        Thread thread = new Thread(lookup, "sntp-resolve");
        thread.setDaemon(true);
        thread.start();
        try {
            return Optional.of(lookup.get(remaining(deadline), TimeUnit.NANOSECONDS));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * RFC 4330 section 5: offset = ((T2 - T1) + (T3 - T4)) / 2, round-trip delay = (T4 - T1) - (T3 - T2);
     * the server's reading fell somewhere within the round trip, hence ± half the delay.
     */
    private Optional<ClockOffset> reading(NtpV3Packet reply, Instant t1, Instant t4) {
        if (!usable(reply)) return Optional.empty();
        Instant t2 = Instant.ofEpochMilli(reply.getReceiveTimeStamp().getTime());
        Instant t3 = Instant.ofEpochMilli(reply.getTransmitTimeStamp().getTime());
        Duration offset = Duration.between(t1, t2).plus(Duration.between(t4, t3)).dividedBy(2);
        Duration delay = Duration.between(t1, t4).minus(Duration.between(t2, t3));
        Duration uncertainty = delay.isNegative() ? Duration.ZERO : delay.dividedBy(2);
        return Optional.of(new ClockOffset(offset, uncertainty, source(), t4));
    }

    /** A server reply from a synchronised clock: not a kiss-o'-death (stratum 0), not stratum 16, not alarm. */
    private static boolean usable(NtpV3Packet reply) {
        return reply.getMode() == NtpV3Packet.MODE_SERVER
                && reply.getStratum() >= 1 && reply.getStratum() <= 15
                && reply.getLeapIndicator() != NtpV3Packet.LI_ALARM_CONDITION
                && reply.getTransmitTimeStamp().ntpValue() != 0
                && reply.getReceiveTimeStamp().ntpValue() != 0;
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }
}
