package com.kitesession.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pacer waits only what is left of the gap since the last call, and never before the first. */
class PacerTest {
    private long now;
    private final List<Duration> waited = new ArrayList<>();
    private final Pacer pacer = new Pacer(Duration.ofMillis(200), duration -> {
        waited.add(duration);
        now += duration.toNanos();
    }, () -> now);

    @Test
    void theFirstCallGoesAtOnceTheNextAfterTheGap() throws Exception {
        pacer.awaitTurn();
        pacer.awaitTurn();
        pacer.awaitTurn();
        assertEquals(List.of(Duration.ofMillis(200), Duration.ofMillis(200)), waited);
    }

    @Test
    void timeAlreadyPassedCountsTowardsTheGap() throws Exception {
        pacer.awaitTurn();
        now += Duration.ofMillis(150).toNanos(); // the check itself took 150 ms
        pacer.awaitTurn();
        now += Duration.ofMillis(300).toNanos();
        pacer.awaitTurn();
        assertEquals(List.of(Duration.ofMillis(50)), waited);
    }
}
