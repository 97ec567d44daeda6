package com.kitesession.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.kite.KiteTime;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord;
import com.kitesession.session.TokenExpiry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reminders at instants of the injectable clock, stepped as the window steps them. */
class RemindersTest {
    private final Reminders reminders = Reminders.standard();
    private final KiteProfile profile = KiteProfile.forKite("Main", "key", "http://127.0.0.1/kite-redirect", null);

    private static Instant ist(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), KiteTime.IST).toInstant();
    }

    private ProfileStatus loggedIn(String loginIst) {
        Instant login = ist(loginIst);
        Instant expires = TokenExpiry.documented().expiresAt(login).toInstant();
        return new ProfileStatus(profile, new SessionRecord("AB1234", "Trader", login, expires, null, null), true, true);
    }

    private ProfileStatus notLoggedIn() {
        return new ProfileStatus(profile, null, false, true);
    }

    /** Steps from {@code from} to {@code to} every 15 s, as the window does, collecting reminders. */
    private List<Reminders.Reminder> run(String from, String to, List<ProfileStatus> rows) {
        return run(reminders, from, to, rows);
    }

    private static List<Reminders.Reminder> run(Reminders reminders, String from, String to, List<ProfileStatus> rows) {
        List<Reminders.Reminder> fired = new ArrayList<>();
        Instant previous = ist(from);
        for (Instant now = previous.plusSeconds(15); !now.isAfter(ist(to)); now = now.plusSeconds(15)) {
            fired.addAll(reminders.due(previous, now, rows));
            previous = now;
        }
        return fired;
    }

    @Test
    void weekdayPreMarketReminderFiresOnceWhenNoSessionIsLive() {
        // Tuesday 24 Nov 2026
        List<Reminders.Reminder> fired = run("2026-11-24T08:00:00", "2026-11-24T10:00:00", List.of(notLoggedIn()));
        assertEquals(1, fired.size());
        assertEquals(Reminders.Kind.PRE_MARKET, fired.get(0).kind());
        assertTrue(fired.get(0).text().contains("09:15 IST"));
    }

    @Test
    void aConfiguredTimeReplacesTheDefaultAndOffMeansNever() {
        Reminders at0900 = new Preferences(Optional.of(LocalTime.of(9, 0)), 5, true, Preferences.Theme.SYSTEM).reminders();
        assertTrue(run(at0900, "2026-11-24T08:00:00", "2026-11-24T08:59:45", List.of(notLoggedIn())).isEmpty());
        List<Reminders.Reminder> fired = run(at0900, "2026-11-24T08:59:45", "2026-11-24T09:00:00", List.of(notLoggedIn()));
        assertEquals(List.of(Reminders.Kind.PRE_MARKET), fired.stream().map(Reminders.Reminder::kind).toList());

        Reminders off = new Preferences(Optional.empty(), 5, true, Preferences.Theme.SYSTEM).reminders();
        assertTrue(run(off, "2026-11-24T08:00:00", "2026-11-24T10:00:00", List.of(notLoggedIn())).isEmpty());
        // Off is the pre-market nudge only: the expiry notice still comes at 06:00 IST.
        assertEquals(1, run(off, "2026-11-24T05:00:00", "2026-11-24T06:30:00", List.of(loggedIn("2026-11-23T10:00:00"))).size());
    }

    @Test
    void notOnSaturday() {
        assertTrue(run("2026-11-28T08:00:00", "2026-11-28T10:00:00", List.of(notLoggedIn())).isEmpty());
    }

    @Test
    void notWhenALiveSessionExists() {
        assertTrue(run("2026-11-24T08:00:00", "2026-11-24T10:00:00", List.of(loggedIn("2026-11-24T07:30:00"))).isEmpty());
    }

    @Test
    void expiryNotificationFiresAtSixIstOnce() {
        List<Reminders.Reminder> fired = run("2026-11-24T05:00:00", "2026-11-24T06:30:00", List.of(loggedIn("2026-11-23T10:00:00")));
        assertEquals(1, fired.size());
        assertEquals(Reminders.Kind.EXPIRED, fired.get(0).kind());
        assertEquals("Your session for Main expired at 06:00 IST. Log in again for today.", fired.get(0).text());
        // Exactly at 06:00:00, not a step before.
        assertTrue(reminders.due(ist("2026-11-24T05:59:45"), ist("2026-11-24T05:59:59"), List.of(loggedIn("2026-11-23T10:00:00"))).isEmpty());
        assertEquals(1, reminders.due(ist("2026-11-24T05:59:59"), ist("2026-11-24T06:00:00"), List.of(loggedIn("2026-11-23T10:00:00"))).size());
    }

    @Test
    void aComputerThatSleptThroughStillHearsOnce() {
        Instant asleep = ist("2026-11-24T05:30:00");
        Instant awake = asleep.plus(Duration.ofHours(4));
        List<Reminders.Reminder> fired = reminders.due(asleep, awake, List.of(loggedIn("2026-11-23T10:00:00")));
        assertEquals(List.of(Reminders.Kind.EXPIRED, Reminders.Kind.PRE_MARKET), fired.stream().map(Reminders.Reminder::kind).toList());
    }

    private static ProfileStatus stored(String name, String loginIst, String expiresIst, SessionRecord.LivenessVerdict verdict) {
        KiteProfile named = KiteProfile.forKite(name, "key", "http://127.0.0.1/kite-redirect", null);
        return new ProfileStatus(named, new SessionRecord("AB1234", "Trader", ist(loginIst), ist(expiresIst), null, verdict),
                true, false);
    }

    private Optional<Reminders.Upcoming> next(String nowIst, ProfileStatus... rows) {
        return reminders.next(ist(nowIst), List.of(rows));
    }

    private static Reminders.Upcoming upcoming(String atIst, String about) {
        return new Reminders.Upcoming(ist(atIst), about);
    }

    private static Reminders.Upcoming preMarket(String atIst) {
        return upcoming(atIst, "pre-market check, if no session is live by then");
    }

    @Test
    void nextIsTheEarliestExpiryOfAStoredSession() {
        ProfileStatus late = stored("Late", "2026-11-23T09:00:00", "2026-11-24T06:00:00", null);
        ProfileStatus early = stored("Early", "2026-11-23T09:30:00", "2026-11-23T15:00:00", null);
        ProfileStatus expired = stored("Old", "2026-11-22T09:00:00", "2026-11-23T06:00:00", null);
        ProfileStatus forgotten = new ProfileStatus(profile, early.record(), false, true);
        assertEquals(Optional.of(upcoming("2026-11-23T15:00:00", "Early's session expires")),
                next("2026-11-23T10:00:00", late, expired, early, forgotten, notLoggedIn()));
    }

    @Test
    void nextIsThePreMarketTimeWhenNoSessionIsLive() {
        assertEquals(Optional.of(preMarket("2026-11-24T08:45:00")), next("2026-11-24T08:00:00", notLoggedIn()));
        assertEquals(Optional.of(preMarket("2026-11-25T08:45:00")), next("2026-11-24T08:45:00", notLoggedIn()),
                "once it has come, the next is tomorrow's");
    }

    @Test
    void nextSkipsAPreMarketTimeALiveSessionOutlasts() {
        // Logged in at 07:30: live until 06:00 tomorrow, so today's 08:45 nudge never comes.
        assertEquals(Optional.of(upcoming("2026-11-25T06:00:00", "Main's session expires")),
                next("2026-11-24T08:00:00", loggedIn("2026-11-24T07:30:00")));
        ProfileStatus unknown = stored("Offline", "2026-11-24T07:30:00", "2026-11-24T10:00:00",
                SessionRecord.LivenessVerdict.OFFLINE);
        assertEquals(Optional.of(upcoming("2026-11-24T10:00:00", "Offline's session expires")),
                next("2026-11-24T08:00:00", unknown), "an unknown session may be live: no nudge on a guess");
    }

    @Test
    void anInvalidatedSessionDoesNotHoldThePreMarketNudgeBack() {
        ProfileStatus refused = stored("Main", "2026-11-24T07:30:00", "2026-11-25T06:00:00",
                SessionRecord.LivenessVerdict.REFUSED);
        assertEquals(Optional.of(preMarket("2026-11-24T08:45:00")), next("2026-11-24T08:00:00", refused));
    }

    @Test
    void nextSkipsDaysWithoutTrading() {
        assertEquals(Optional.of(preMarket("2026-11-30T08:45:00")), next("2026-11-27T10:00:00", notLoggedIn()),
                "Friday after the nudge: Monday's");
        assertEquals(Optional.of(preMarket("2026-11-30T08:45:00")), next("2026-11-28T08:00:00", notLoggedIn()));
        assertEquals(Optional.of(upcoming("2026-11-28T06:00:00", "Main's session expires")),
                next("2026-11-27T10:00:00", loggedIn("2026-11-27T09:00:00")));
        assertEquals(Optional.of(preMarket("2026-11-30T08:45:00")), next("2026-11-28T07:00:00", loggedIn("2026-11-27T09:00:00")),
                "an expired session is no reminder");
    }

    @Test
    void noneIsPlannedWithThePreMarketNudgeOffOrNoProfiles() {
        Reminders off = new Preferences(Optional.empty(), 5, true, Preferences.Theme.SYSTEM).reminders();
        assertEquals(Optional.empty(), off.next(ist("2026-11-24T08:00:00"), List.of(notLoggedIn())));
        assertEquals(Optional.of(upcoming("2026-11-25T06:00:00", "Main's session expires")),
                off.next(ist("2026-11-24T08:00:00"), List.of(loggedIn("2026-11-24T07:30:00"))),
                "the expiry reminder stays on");
        assertEquals(Optional.empty(), next("2026-11-24T08:00:00"));
        Reminders noTradingDays = new Reminders(Reminders.PRE_MARKET, Set.of());
        assertEquals(Optional.empty(), noTradingDays.next(ist("2026-11-24T08:00:00"), List.of(notLoggedIn())));
    }
}
