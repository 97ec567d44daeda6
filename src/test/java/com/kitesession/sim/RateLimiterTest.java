package com.kitesession.sim;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final RateLimiter limiter = new RateLimiter(3, nanos::get);

    @Test
    void allowsLimitPerSlidingSecond() {
        assertTrue(limiter.tryAcquire());
        nanos.addAndGet(400_000_000L);
        assertTrue(limiter.tryAcquire());
        assertTrue(limiter.tryAcquire());
        assertFalse(limiter.tryAcquire(), "4th within the second");
        nanos.addAndGet(599_999_999L); // 999.999999 ms after the first
        assertFalse(limiter.tryAcquire());
        nanos.addAndGet(1); // the first has left the window
        assertTrue(limiter.tryAcquire());
        assertFalse(limiter.tryAcquire());
    }

    @Test
    void refusedRequestsDoNotExtendTheBlock() {
        for (int i = 0; i < 3; i++) assertTrue(limiter.tryAcquire());
        for (int i = 0; i < 50; i++) assertFalse(limiter.tryAcquire());
        nanos.addAndGet(1_000_000_000L);
        assertTrue(limiter.tryAcquire());
    }
}
