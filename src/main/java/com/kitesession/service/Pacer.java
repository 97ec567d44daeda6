package com.kitesession.service;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Spaces calls at least {@code gap} apart, waiting on the calling thread (a background one). The
 * liveness round goes through one, so that checking 20 sessions never bursts past Kite's limit of
 * 10 requests a second on the profile endpoint (KITE-FACTS.md), which the trader's own scripts share.
 */
public final class Pacer {
    /** 5 a second: half of Kite's limit, the other half left to the trader's scripts. */
    public static final Duration KITE_CHECKS = Duration.ofMillis(200);

    /** Waits; {@link Thread#sleep} in the app, a recorder in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final long gapNanos;
    private final Sleeper sleeper;
    private final LongSupplier nanoTime;
    private long last;
    private boolean first = true;

    public Pacer(Duration gap, Sleeper sleeper, LongSupplier nanoTime) {
        this.gapNanos = gap.toNanos();
        this.sleeper = sleeper;
        this.nanoTime = nanoTime;
    }

    /** Kite's pace, on the real clock. */
    public static Pacer forKite() {
        return new Pacer(KITE_CHECKS, duration -> Thread.sleep(duration.toMillis()), System::nanoTime);
    }

    /** Returns when the next call may go: at once the first time, else {@code gap} after the last one. */
    public synchronized void awaitTurn() throws InterruptedException {
        long now = nanoTime.getAsLong();
        if (!first) {
            long wait = last + gapNanos - now;
            if (wait > 0) {
                sleeper.sleep(Duration.ofNanos(wait));
                now += wait;
            }
        }
        first = false;
        last = now;
    }
}
