package com.kitesession.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest reading per source (thread-safe). {@link #best()} is what the app shows: among readings
 * younger than {@code maxAge}, the one with the smallest uncertainty, the most recent on a tie.
 */
public final class ClockOffsets {
    /** Clocks drift by seconds a day at worst; a reading this old no longer says much. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(10);

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

    /** Empty means "not measured": nothing recorded, or nothing fresh. */
    public Optional<ClockOffset> best() {
        Instant now = localClock.instant();
        return latestBySource.values().stream().filter(r -> fresh(r, now)).min(PREFERRED);
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

    /**
     * A reading from this computer's "future" means its clock was set back since (likely fixed):
     * that reading no longer describes it.
     */
    private boolean fresh(ClockOffset r, Instant now) {
        Duration age = Duration.between(r.measuredAt(), now);
        return !age.isNegative() && age.compareTo(maxAge) < 0;
    }
}
