package com.kitesession.clock;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether this computer's clock was set (stepped) while a call was out, judged against the
 * monotonic clock, which no setting moves. A reading taken across a step cannot say on which side
 * of the step the other clock was read: its round trip may be hours long, and its midpoint
 * anywhere. Such a reading is dropped; the next answer measures again.
 */
final class LocalClockStep {
    /** NTP's gradual correction (slewing) moves a clock by far less than this during one call. */
    static final Duration TOLERANCE = Duration.ofSeconds(1);

    private LocalClockStep() {
    }

    /**
     * {@code sent} and {@code received} are the local clock around the call, {@code monotonic} the
     * time the call took by the monotonic clock. A clock that stands still (a test's fixed clock)
     * is not a step. A clock set back by less than the round trip plus {@link #TOLERANCE} goes
     * unnoticed, and moves the reading by no more than that.
     */
    static boolean during(Instant sent, Instant received, Duration monotonic) {
        Duration wall = Duration.between(sent, received);
        return wall.compareTo(monotonic.plus(TOLERANCE)) > 0 || wall.compareTo(TOLERANCE.negated()) < 0;
    }
}
