package com.kitesession.login;

/**
 * When the login page is read again. Kite's 2FA field and its refusals appear without a page load,
 * so the page is read on a tick; how soon depends on whether something just happened. Right after
 * the page loaded or the person clicked or typed in it, Kite answers within a fraction of a second
 * (the password's XHR shows the 2FA field, the 2FA's XHR redirects), and every {@link #BASE_TICK_MS}
 * tick reads it: the field is filled about 25 ms after it appears instead of 150 ms on average. After
 * {@link #BRISK_TICKS} quiet ticks it falls back to one read in {@link #QUIET_EVERY} (300 ms), which
 * is enough for a page a person is reading. No clock: it counts the ticks it is given.
 */
public final class PageWatchPace {
    /** The tick the caller runs. */
    public static final int BASE_TICK_MS = 50;
    /** Ticks read one after the other after an activity: 3 s. */
    static final int BRISK_TICKS = 60;
    /** While quiet, one tick in this many reads the page. */
    static final int QUIET_EVERY = 6;

    private int briskLeft;
    private int quietTicks;

    /** The page loaded, or the person clicked or typed in it: read briskly for a while. */
    public void activity() {
        briskLeft = BRISK_TICKS;
        quietTicks = 0;
    }

    /** One tick has passed; true when the page should be read on it. */
    public boolean readOnTick() {
        if (briskLeft > 0) {
            briskLeft--;
            return true;
        }
        quietTicks = (quietTicks + 1) % QUIET_EVERY;
        return quietTicks == 0;
    }
}
