package com.kitesession.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PageWatchPaceTest {
    private static int readsIn(PageWatchPace pace, int ticks) {
        int reads = 0;
        for (int i = 0; i < ticks; i++) {
            if (pace.readOnTick()) reads++;
        }
        return reads;
    }

    @Test
    void quietThePageIsReadEveryThreeHundredMilliseconds() {
        PageWatchPace pace = new PageWatchPace();

        assertEquals(10, readsIn(pace, 60)); // 3 s of 50 ms ticks
        assertEquals(300, PageWatchPace.BASE_TICK_MS * PageWatchPace.QUIET_EVERY);
    }

    @Test
    void afterAnActivityEveryTickReadsForThreeSecondsThenItQuietensAgain() {
        PageWatchPace pace = new PageWatchPace();
        readsIn(pace, 7);

        pace.activity();

        assertEquals(PageWatchPace.BRISK_TICKS, readsIn(pace, PageWatchPace.BRISK_TICKS));
        assertEquals(3000, PageWatchPace.BRISK_TICKS * PageWatchPace.BASE_TICK_MS);
        for (int i = 1; i < PageWatchPace.QUIET_EVERY; i++) assertFalse(pace.readOnTick(), "quiet tick " + i);
        assertTrue(pace.readOnTick());
    }

    @Test
    void aNewActivityWhileBriskStartsTheThreeSecondsAgain() {
        PageWatchPace pace = new PageWatchPace();
        pace.activity();
        readsIn(pace, PageWatchPace.BRISK_TICKS - 1);

        pace.activity();

        assertEquals(PageWatchPace.BRISK_TICKS, readsIn(pace, PageWatchPace.BRISK_TICKS));
        assertFalse(pace.readOnTick());
    }
}
