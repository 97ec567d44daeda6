package com.kitesession.clock;

import com.kitesession.kite.LoopbackHosts;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * An OkHttp <em>network</em> interceptor (so the connection is already open and the round trip is
 * one request and its response head) that turns each response's HTTP Date header into a reading.
 * Date has 1 s resolution and is truncated: the server's clock read somewhere in [date, date + 1 s),
 * hence date + 0.5 s ± 0.5 s, plus half the round trip for not knowing when in it the server looked.
 */
public final class DateHeaderClockProbe implements Interceptor {
    public static final String SOURCE = "Kite's clock (HTTP Date header)";
    private static final Duration HALF_SECOND = Duration.ofMillis(500);

    private final ClockOffsets into;
    private final Clock localClock;

    public DateHeaderClockProbe(ClockOffsets into, Clock localClock) {
        this.into = Objects.requireNonNull(into, "into");
        this.localClock = Objects.requireNonNull(localClock, "localClock");
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        TimedCall<Response> call = TimedCall.time(localClock, () -> chain.proceed(chain.request()));
        Response response = call.result();
        Date date = response.headers().getDate("Date"); // null when absent or unparseable
        if (date != null && trustworthy(chain.request().url(), response)) reading(date.toInstant(), call).ifPresent(into::record);
        return response;
    }

    /**
     * Kite's clock is the authority because its answer comes over TLS: a plain-http answer from
     * the network (which anyone on the path can forge) or a redirect hop (whose target may be any
     * server) is not read. Plain http on loopback is the built-in simulator, on this computer.
     */
    static boolean trustworthy(HttpUrl url, Response response) {
        return !response.isRedirect() && (url.isHttps() || LoopbackHosts.isLoopback(url.host()));
    }

    /** Empty when this computer's clock was set during the call ({@link TimedCall#clockWasSet()}). */
    static Optional<ClockOffset> reading(Instant date, TimedCall<?> call) {
        if (call.clockWasSet()) return Optional.empty();
        Instant sent = call.sent();
        Instant received = call.received();
        Duration roundTrip = Duration.between(sent, received);
        if (roundTrip.isNegative()) roundTrip = Duration.ZERO; // the local clock was set back mid-call
        Instant midpoint = sent.plus(roundTrip.dividedBy(2));
        Duration offset = Duration.between(midpoint, date.plus(HALF_SECOND));
        return Optional.of(new ClockOffset(offset, roundTrip.dividedBy(2).plus(HALF_SECOND), SOURCE, received));
    }
}
