package com.kitesession.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * At most {@code limit} requests in any 1 s sliding window. Measured on a monotonic nanosecond
 * source, not on the simulator's clock: tests freeze or jump that clock, and a limit must not.
 */
final class RateLimiter {
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final int limit;
    private final LongSupplier nanoTime;
    private final Deque<Long> accepted = new ArrayDeque<>();

    RateLimiter(int limit, LongSupplier nanoTime) {
        this.limit = limit;
        this.nanoTime = nanoTime;
    }

    /** True if this request fits; a refused request does not count against later ones. */
    synchronized boolean tryAcquire() {
        long now = nanoTime.getAsLong();
        while (!accepted.isEmpty() && now - accepted.peekFirst() >= WINDOW_NANOS) accepted.pollFirst();
        if (accepted.size() >= limit) return false;
        accepted.addLast(now);
        return true;
    }
}
