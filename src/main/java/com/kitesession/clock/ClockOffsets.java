package com.kitesession.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The latest reading per source (thread-safe), and which of them the app may act on. Kite's own
 * clock (its Date header, over TLS) is the authority. Any other reading, NTP above all (plain UDP,
 * which anyone on the local network can answer), is trusted only while a fresh Kite reading agrees
 * with it within {@link #AGREEMENT}; until then it is {@linkplain #unconfirmed() unconfirmed}, shown
 * but never used. {@link #best()} is, among trusted readings younger than {@code maxAge}, the one
 * with the smallest uncertainty, the most recent on a tie.
 */
public final class ClockOffsets {
    /** Clocks drift by seconds a day at worst; a reading this old no longer says much. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(10);
    /**
     * How far another source may differ from Kite and still be trusted: Kite's Date header is good
     * to about a second, so more than 2 s apart means the other source is wrong (or lying).
     */
    public static final Duration AGREEMENT = Duration.ofSeconds(2);

    private static final Comparator<ClockOffset> PREFERRED = Comparator
            .comparing(ClockOffset::uncertainty)
            .thenComparing(ClockOffset::measuredAt, Comparator.reverseOrder());

    private final Clock localClock;
    private final Duration maxAge;
    private final Map<String, ClockOffset> latestBySource = new ConcurrentHashMap<>();

    public ClockOffsets(Clock localClock) {
        this(localClock, DEFAULT_MAX_AGE);
    }

    public ClockOffsets(Clock localClock, Duration maxAge) {
        this.localClock = Objects.requireNonNull(localClock, "localClock");
        if (maxAge.isNegative() || maxAge.isZero()) throw new IllegalArgumentException("maxAge must be positive");
        this.maxAge = maxAge;
    }

    /** Replaces the previous reading of the same source, unless that one is newer. */
    public void record(ClockOffset reading) {
        Objects.requireNonNull(reading, "reading");
        latestBySource.merge(reading.source(), reading,
                (old, neu) -> neu.measuredAt().isBefore(old.measuredAt()) ? old : neu);
    }

    /** Empty means "not measured": Kite's clock not read yet, or not lately. */
    public Optional<ClockOffset> best() {
        Instant now = localClock.instant();
        Optional<ClockOffset> kite = freshKite(now);
        return fresh(now).filter(r -> trusted(r, kite)).min(PREFERRED);
    }

    /**
     * Fresh readings from other sources that no fresh Kite reading confirms (Kite not read yet, or
     * more than {@link #AGREEMENT} apart), newest first: to be shown as such, never used.
     */
    public List<ClockOffset> unconfirmed() {
        Instant now = localClock.instant();
        Optional<ClockOffset> kite = freshKite(now);
        return fresh(now).filter(r -> !trusted(r, kite))
                .sorted(Comparator.comparing(ClockOffset::measuredAt, Comparator.reverseOrder())).toList();
    }

    /** This computer's time corrected by the best reading; plain local time when not measured. */
    public Instant correctedNow() {
        Instant local = localClock.instant();
        return best().map(r -> local.plus(r.offset())).orElse(local);
    }

    /**
     * A clock that reads {@link #correctedNow()}: Kite's time as best measured. Countdowns to
     * 06:00 IST and reminders run on it, since the token dies by Kite's clock, not this computer's.
     */
    public Clock correctedClock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return localClock.getZone();
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException("the corrected clock keeps the local clock's zone");
            }

            @Override
            public Instant instant() {
                return correctedNow();
            }
        };
    }

    private Stream<ClockOffset> fresh(Instant now) {
        return latestBySource.values().stream().filter(r -> fresh(r, now));
    }

    private Optional<ClockOffset> freshKite(Instant now) {
        return fresh(now).filter(ClockOffset::fromKite).findFirst();
    }

    private static boolean trusted(ClockOffset reading, Optional<ClockOffset> kite) {
        return reading.fromKite()
                || kite.filter(k -> k.offset().minus(reading.offset()).abs().compareTo(AGREEMENT) <= 0).isPresent();
    }

    /**
     * A reading from this computer's "future" means its clock was set back since (likely fixed):
     * that reading no longer describes it.
     */
    private boolean fresh(ClockOffset r, Instant now) {
        Duration age = Duration.between(r.measuredAt(), now);
        return !age.isNegative() && age.compareTo(maxAge) < 0;
    }
}
