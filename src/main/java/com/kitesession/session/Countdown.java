package com.kitesession.session;

import java.time.Duration;

/** Formats time left as the window shows it: {@code 17:42:05}, {@code 17:42} or {@code 17 h 42 m}, or "expired". */
public final class Countdown {
    private Countdown() {}

    /** {@code 17:42}: hours and minutes, the minute rounded up as {@link #format} rounds the second. */
    public static String hoursMinutes(Duration remaining) {
        if (remaining.isZero() || remaining.isNegative()) return "expired";
        long minutes = minutesRoundedUp(remaining);
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }

    public static String format(Duration remaining) {
        if (remaining.isZero() || remaining.isNegative()) return "expired";
        long seconds = secondsRoundedUp(remaining);
        return String.format("%02d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
    }

    /**
     * The window's large countdown: {@code 17 h 42 m} while more than an hour is left (with units:
     * alone in large digits, {@code 17:42} reads as a time of day), then to the second
     * ({@link #format}). For most of the day it changes once a minute, so an idle window is not
     * repainted every second; in the last hour, when seconds matter, it ticks each second.
     */
    public static String toTheSecondInTheLastHour(Duration remaining) {
        if (secondsRoundedUp(remaining) <= 3600) return format(remaining);
        long minutes = minutesRoundedUp(remaining);
        return String.format("%d h %02d m", minutes / 60, minutes % 60);
    }

    private static long minutesRoundedUp(Duration remaining) {
        return (secondsRoundedUp(remaining) + 59) / 60;
    }

    /** Round up so the display reads 00:00:01 in the last second rather than 00:00:00. */
    private static long secondsRoundedUp(Duration remaining) {
        return remaining.getSeconds() + (remaining.getNano() > 0 ? 1 : 0);
    }
}
