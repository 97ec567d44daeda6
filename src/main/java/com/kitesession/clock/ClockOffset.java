package com.kitesession.clock;

import com.kitesession.kite.KiteTime;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One measurement of this computer's clock: trusted time minus this computer's time, so a positive
 * offset means this computer is BEHIND. {@code measuredAt} is this computer's own (uncorrected) time.
 */
public record ClockOffset(Duration offset, Duration uncertainty, String source, Instant measuredAt) {
    /** A TOTP code lives for one 30 s window; past half of one, codes start to fail at the edges. */
    public enum Severity { OK, WARN, ALARM }

    static final Duration WARN_ABOVE = Duration.ofSeconds(15);
    static final Duration ALARM_ABOVE = Duration.ofSeconds(30);
    private static final DateTimeFormatter IST_TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss 'IST'").withZone(KiteTime.IST);

    public ClockOffset {
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(uncertainty, "uncertainty");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(measuredAt, "measuredAt");
        if (uncertainty.isNegative()) throw new IllegalArgumentException("uncertainty must not be negative");
    }

    /** Judged on |offset|: above 15 s WARN, above 30 s ALARM (exactly 15 s is still OK). */
    public Severity severity() {
        Duration size = offset.abs();
        if (size.compareTo(ALARM_ABOVE) > 0) return Severity.ALARM;
        if (size.compareTo(WARN_ABOVE) > 0) return Severity.WARN;
        return Severity.OK;
    }

    /** E.g. "This computer is 47 s ahead of Kite's clock (±1 s, measured 10:02:13 IST)." */
    public String describe() {
        long seconds = roundedSeconds(offset);
        String when = "measured " + IST_TIME.format(measuredAt);
        if (seconds == 0) {
            long within = Math.max(1, ceilSeconds(offset.abs().plus(uncertainty)));
            return "This computer is in step with " + sourceName() + " (within " + within + " s, " + when + ").";
        }
        String direction = seconds > 0 ? "behind" : "ahead of";
        long plusMinus = Math.max(1, ceilSeconds(uncertainty));
        return "This computer is " + Math.abs(seconds) + " s " + direction + " " + sourceName()
                + " (±" + plusMinus + " s, " + when + ").";
    }

    /**
     * Whether Kite's own clock was read (its Date header, which arrives over TLS): the authority.
     * Anything else, NTP above all (plain UDP, spoofable on the local network), needs Kite to confirm it.
     */
    public boolean fromKite() {
        return source.equals(DateHeaderClockProbe.SOURCE);
    }

    /** The offset alone in words: "3600 s behind", "47 s ahead" or "in step". */
    public String offsetInWords() {
        long seconds = roundedSeconds(offset);
        if (seconds == 0) return "in step";
        return Math.abs(seconds) + " s " + (seconds > 0 ? "behind" : "ahead");
    }

    /** The source in words: "Kite's clock (HTTP Date header)" reads as "Kite's clock". */
    public String sourceName() {
        int paren = source.indexOf(" (");
        return paren > 0 ? source.substring(0, paren) : source;
    }

    /** Nearest whole second, halves away from zero. */
    private static long roundedSeconds(Duration d) {
        long millis = d.toMillis();
        return millis >= 0 ? (millis + 500) / 1000 : -((-millis + 500) / 1000);
    }

    private static long ceilSeconds(Duration d) {
        return (d.toMillis() + 999) / 1000;
    }
}
