package com.kitesession.service;

import com.kitesession.kite.KiteTime;
import com.kitesession.session.KiteProfile;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When to nudge the trader, without timers of its own: the window asks every few seconds what
 * fell due between its previous look and now. That makes each reminder fire once, at the right
 * instant of the injectable clock, and still fire (late) after the computer slept through it.
 */
public final class Reminders {
    /** Default pre-market reminder: 08:45 IST, half an hour before the 09:15 open. */
    public static final LocalTime PRE_MARKET = LocalTime.of(8, 45);
    public static final Set<DayOfWeek> TRADING_DAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    public enum Kind {
        EXPIRED, PRE_MARKET
    }

    /** One reminder; {@code profile} is null for the pre-market one, which is about all profiles. */
    public record Reminder(Kind kind, KiteProfile profile, String title, String text) {}

    /** Null: no pre-market reminder. */
    private final LocalTime preMarket;
    private final Set<DayOfWeek> tradingDays;

    /** {@code preMarket} null switches the pre-market reminder off; the expiry one always fires. */
    public Reminders(LocalTime preMarket, Set<DayOfWeek> tradingDays) {
        this.preMarket = preMarket;
        this.tradingDays = Set.copyOf(tradingDays);
    }

    public static Reminders standard() {
        return new Reminders(PRE_MARKET, TRADING_DAYS);
    }

    /** A reminder still to come: when, and what it will say it is about. */
    public record Upcoming(Instant at, String about) {}

    /**
     * The next reminder after {@code now} that {@link #due} would give: the earliest expiry of a
     * stored session, or the next pre-market time on a trading day when no session that is live
     * now lasts past it (if the pre-market reminder is on).
     */
    public Optional<Upcoming> next(Instant now, List<ProfileStatus> rows) {
        Optional<Upcoming> expiry = rows.stream()
                .filter(row -> row.record() != null && row.tokenStored() && row.record().expiresAt().isAfter(now))
                .min(Comparator.comparing(row -> row.record().expiresAt()))
                .map(row -> new Upcoming(row.record().expiresAt(), row.profile().name() + "'s session expires"));
        if (preMarket == null || rows.isEmpty() || tradingDays.isEmpty()) return expiry;
        Instant liveUntil = rows.stream().filter(row -> row.state(now).isLive()).map(row -> row.record().expiresAt())
                .max(Comparator.naturalOrder()).orElse(now);
        ZonedDateTime candidate = now.atZone(KiteTime.IST).toLocalDate().atTime(preMarket).atZone(KiteTime.IST);
        while (!candidate.toInstant().isAfter(now) || !candidate.toInstant().isAfter(liveUntil)
                || !tradingDays.contains(candidate.getDayOfWeek())) {
            candidate = candidate.plusDays(1);
        }
        Upcoming preMarketReminder = new Upcoming(candidate.toInstant(), "pre-market check, if no session is live by then");
        return expiry.filter(e -> e.at().isBefore(preMarketReminder.at())).or(() -> Optional.of(preMarketReminder));
    }

    /** What fell due in (previous, now]. */
    public List<Reminder> due(Instant previous, Instant now, List<ProfileStatus> rows) {
        List<Reminder> due = new ArrayList<>();
        for (ProfileStatus row : rows) {
            if (row.record() == null || !row.tokenStored()) continue;
            Instant expiry = row.record().expiresAt();
            if (expiry.isAfter(previous) && !expiry.isAfter(now)) {
                String at = expiry.atZone(KiteTime.IST).toLocalTime().toString();
                due.add(new Reminder(Kind.EXPIRED, row.profile(), "Kite session expired",
                        "Your session for " + row.profile().name() + " expired at " + at + " IST. Log in again for today."));
            }
        }
        if (preMarket == null) return due;
        ZonedDateTime todayPreMarket = now.atZone(KiteTime.IST).toLocalDate().atTime(preMarket).atZone(KiteTime.IST);
        Instant reminderAt = todayPreMarket.toInstant();
        boolean crossed = reminderAt.isAfter(previous) && !reminderAt.isAfter(now);
        // An unknown (offline) session may well be live: no nagging on a guess.
        boolean anyLive = rows.stream().anyMatch(r -> r.state(now).isLive());
        if (crossed && tradingDays.contains(todayPreMarket.getDayOfWeek()) && !anyLive && !rows.isEmpty()) {
            due.add(new Reminder(Kind.PRE_MARKET, null, "No live Kite session",
                    "The market opens at 09:15 IST and no profile has a live session. Log in now."));
        }
        return due;
    }
}
