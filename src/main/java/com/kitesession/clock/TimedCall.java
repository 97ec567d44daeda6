package com.kitesession.clock;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One call timed on this computer's clock ({@code sent}, {@code received}) and, beside it, on the
 * monotonic clock, which no setting of the clock moves. A reading of another clock taken across a
 * step of this one cannot say on which side of the step it was read: its round trip may be hours
 * long, and its midpoint anywhere. Such a reading is dropped ({@link #clockWasSet()}); the next
 * answer measures again.
 */
record TimedCall<T>(T result, Instant sent, Instant received, Duration monotonic) {
    /** NTP's gradual correction (slewing) moves a clock by far less than this during one call. */
    static final Duration STEP_TOLERANCE = Duration.ofSeconds(1);

    /** A network call. */
    @FunctionalInterface
    interface Call<T> {
        T run() throws IOException;
    }

    static <T> TimedCall<T> time(Clock localClock, Call<T> call) throws IOException {
        Instant sent = localClock.instant();
        long sentNanos = System.nanoTime();
        T result = call.run();
        Duration monotonic = Duration.ofNanos(System.nanoTime() - sentNanos);
        return new TimedCall<>(result, sent, localClock.instant(), monotonic);
    }

    /**
     * Whether this computer's clock was set (stepped) during the call. A clock that stands still (a
     * test's fixed clock) is not a step. A clock set back by less than the round trip plus
     * {@link #STEP_TOLERANCE} goes unnoticed, and moves the reading by no more than that.
     */
    boolean clockWasSet() {
        Duration wall = Duration.between(sent, received);
        return wall.compareTo(monotonic.plus(STEP_TOLERANCE)) > 0 || wall.compareTo(STEP_TOLERANCE.negated()) < 0;
    }
}
