package com.kitesession.sim;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far the simulator's clock runs from real time, as a person writes it: a whole number of
 * seconds, minutes or hours, signed ({@code 45s}, {@code -45s}, {@code +2m}, {@code 0s}). Read by
 * {@code sim --skew} and by the demo's {@code -Dkite.demo.skew}.
 */
public final class ClockSkew {
    /** Six digits at most: 999999h is over a century, and a longer number would overflow Duration. */
    private static final Pattern FORM = Pattern.compile("([+-]?)(\\d{1,6})([smh])");

    private ClockSkew() {}

    /** The skew {@code value} names; IllegalArgumentException with a plain message (the value, no trace) otherwise. */
    public static Duration parse(String value) {
        Matcher m = FORM.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "a clock skew is a whole number of seconds, minutes or hours such as 45s, -45s or 2m, not " + value);
        }
        long amount = Long.parseLong(m.group(2)) * (m.group(1).equals("-") ? -1 : 1);
        return switch (m.group(3)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
