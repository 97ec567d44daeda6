package com.kitesession.kite;

import java.time.ZoneId;

/**
 * Kite's time zone. Every time Kite states (a login_time, the daily 06:00 token expiry, the
 * 09:15 market open) is India Standard Time, whatever this computer's zone; the one constant
 * here is shared by the client, the simulator, the session logic and the messages.
 */
public final class KiteTime {
    /** Asia/Kolkata: UTC+05:30 all year, no daylight saving. */
    public static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    private KiteTime() {}
}
