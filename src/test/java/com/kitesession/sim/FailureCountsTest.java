package com.kitesession.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Wrong passwords are counted per typed user id, known or not: a flood of made-up ids stays bounded. */
class FailureCountsTest {
    @Test
    void aFloodOfMadeUpUserIdsStaysBoundedAndABlockIsNeverDropped() {
        SimulatorState state = new SimulatorState(SimulatorConfig.builder()
                .clock(SimulatorClock.fixedAt(Instant.parse("2026-11-23T04:30:00Z"))).build());
        for (int i = 0; i < SimulatorState.MAX_FAILURES; i++) state.recordFailure("DM1234", SimulatorState.Factor.PASSWORD);
        assertTrue(state.isBlocked("DM1234"));
        for (int i = 0; i < SimulatorState.MAX_TRACKED_USERS + 500; i++) {
            state.recordFailure("FAKE" + i, SimulatorState.Factor.PASSWORD);
        }
        assertEquals(SimulatorState.MAX_TRACKED_USERS, state.trackedUsers());
        assertTrue(state.isBlocked("DM1234"), "a block lasts until Kite's reset, however many others fail");
    }
}
