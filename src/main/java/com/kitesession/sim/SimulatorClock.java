package com.kitesession.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A Clock the simulator and tests share: ticks from a start instant, can be set or advanced at any
 * time (thread-safe). A ticking clock is the system clock plus an offset, so it follows the wall
 * clock (as a phone's authenticator does) rather than drifting with a monotonic counter.
 */
public final class SimulatorClock extends Clock {
    /** Either ticking (system time + offset) or stopped at {@code fixed}. */
    private record State(boolean ticking, Duration offset, Instant fixed) {
        Instant now(Clock system) {
            return ticking ? system.instant().plus(offset) : fixed;
        }

        State at(Instant now, Clock system) {
            return ticking ? new State(true, Duration.between(system.instant(), now), null) : new State(false, null, now);
        }
    }

    private static final Clock SYSTEM = Clock.systemUTC();

    private final AtomicReference<State> state; // shared by every withZone view
    private final ZoneId zone;

    private SimulatorClock(AtomicReference<State> state, ZoneId zone) {
        this.state = state;
        this.zone = zone;
    }

    /** Real time. */
    public static SimulatorClock system() {
        return new SimulatorClock(new AtomicReference<>(new State(true, Duration.ZERO, null)), ZoneOffset.UTC);
    }

    /** Ticks in real time from {@code now}. */
    public static SimulatorClock startingAt(Instant now) {
        Objects.requireNonNull(now, "now");
        return new SimulatorClock(new AtomicReference<>(new State(true, Duration.between(SYSTEM.instant(), now), null)), ZoneOffset.UTC);
    }

    /** Stands still at {@code now} until set or advanced. */
    public static SimulatorClock fixedAt(Instant now) {
        Objects.requireNonNull(now, "now");
        return new SimulatorClock(new AtomicReference<>(new State(false, null, now)), ZoneOffset.UTC);
    }

    /** Jumps to {@code now}; a ticking clock keeps ticking from there. */
    public void setInstant(Instant now) {
        Objects.requireNonNull(now, "now");
        state.updateAndGet(s -> s.at(now, SYSTEM));
    }

    public void advance(Duration d) {
        Objects.requireNonNull(d, "d");
        state.updateAndGet(s -> s.ticking() ? new State(true, s.offset().plus(d), null) : new State(false, null, s.fixed().plus(d)));
    }

    @Override
    public Instant instant() {
        return state.get().now(SYSTEM);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view in another zone that shares this clock's time: setting one sets both. */
    @Override
    public SimulatorClock withZone(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return zone.equals(this.zone) ? this : new SimulatorClock(state, zone);
    }

    @Override
    public String toString() {
        State s = state.get();
        return "SimulatorClock[" + (s.ticking() ? "ticking, now " : "fixed at ") + s.now(SYSTEM) + ", " + zone + "]";
    }
}
