package com.kitesession.ui;

import static com.kitesession.ui.PresenterTestBase.TEN_AM_IST;
import static com.kitesession.ui.PresenterTestBase.ist;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.service.ProfileStatus;
import com.kitesession.service.Reminders;
import com.kitesession.session.Countdown;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord;
import com.kitesession.session.SessionRecord.LivenessVerdict;
import com.kitesession.session.SessionState;
import com.kitesession.ui.DashboardFacts.ListRow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The token dashboard's words, at 10:00 IST on Monday 23 Nov 2026. */
class DashboardFactsTest {
    private static final Instant NOW = TEN_AM_IST;
    private static final KiteProfile PROFILE = KiteProfile.forKite("Main", "key", "http://127.0.0.1/kite-redirect", null);

    private static Optional<ProfileStatus> checked(Instant at, LivenessVerdict verdict) {
        SessionRecord record = new SessionRecord("AB1234", "Trader", ist("2026-11-23T09:00:00"),
                ist("2026-11-24T06:00:00"), at, verdict);
        return Optional.of(new ProfileStatus(PROFILE, record, true, true));
    }

    @Test
    void atSaysTodayTomorrowOrTheDay() {
        assertEquals("10:05:12 IST", DashboardFacts.at(ist("2026-11-23T10:05:12"), NOW));
        assertEquals("00:00:00 IST", DashboardFacts.at(ist("2026-11-23T00:00:00"), NOW));
        assertEquals("tomorrow 06:00:00 IST", DashboardFacts.at(ist("2026-11-24T06:00:00"), NOW));
        assertEquals("Wed 25 Nov 08:45:00 IST", DashboardFacts.at(ist("2026-11-25T08:45:00"), NOW));
        assertEquals("Sun 22 Nov 23:59:59 IST", DashboardFacts.at(ist("2026-11-22T23:59:59"), NOW));
    }

    @Test
    void atFollowsKitesDayNotUtcs() {
        // 01:00 IST on the 24th is still the 23rd in UTC: it is tomorrow for the trader.
        assertEquals("tomorrow 01:00:00 IST", DashboardFacts.at(ist("2026-11-24T01:00:00"), NOW));
    }

    @Test
    void lastCheckSaysWhenAndWhatKiteSaid() {
        Instant at = ist("2026-11-23T09:55:00");
        assertEquals("09:55:00 IST: live, Kite accepted the token",
                DashboardFacts.lastCheck(checked(at, LivenessVerdict.LIVE), NOW));
        assertEquals("09:55:00 IST: refused by Kite (403, TokenException)",
                DashboardFacts.lastCheck(checked(at, LivenessVerdict.REFUSED), NOW));
        assertEquals("09:55:00 IST: Kite could not be reached; the token is kept",
                DashboardFacts.lastCheck(checked(at, LivenessVerdict.OFFLINE), NOW));
    }

    @Test
    void lastCheckWithoutACheck() {
        assertEquals("not checked yet", DashboardFacts.lastCheck(Optional.empty(), NOW));
        assertEquals("not checked yet", DashboardFacts.lastCheck(Optional.of(new ProfileStatus(PROFILE, null, false, true)), NOW));
        assertEquals("not checked yet", DashboardFacts.lastCheck(checked(null, null), NOW));
    }

    @Test
    void handoverToTheClipboard() {
        Instant copied = ist("2026-11-23T09:58:30");
        assertEquals(List.of("Clipboard, 09:58:30 IST (cleared after 30 s if still there)"),
                DashboardFacts.handover(Handover.NONE.copied(copied, 30), NOW));
        assertEquals(List.of("Clipboard, 09:58:30 IST"), DashboardFacts.handover(Handover.NONE.copied(copied, 0), NOW));
    }

    @Test
    void handoverToTheExportFile() {
        assertEquals(List.of("File /home/t/kite.json (json), written 09:00:01 IST"), DashboardFacts.handover(
                Handover.export("/home/t/kite.json (json)", ist("2026-11-23T09:00:01"), null), NOW));
        assertEquals(List.of("File /home/t/kite.json (json), written at the next login"),
                DashboardFacts.handover(Handover.export("/home/t/kite.json (json)", null, null), NOW));
        assertEquals(List.of("File /home/t/kite.json (json), not written: the folder is missing"),
                DashboardFacts.handover(Handover.export("/home/t/kite.json (json)", null, "the folder is missing"), NOW));
    }

    @Test
    void handoverToBothListsTheClipboardFirst() {
        Handover both = Handover.export("/home/t/kite.env (env)", ist("2026-11-23T09:00:01"), null)
                .copied(ist("2026-11-23T09:30:00"), 0);
        assertEquals(List.of("Clipboard, 09:30:00 IST", "File /home/t/kite.env (env), written 09:00:01 IST"),
                DashboardFacts.handover(both, NOW));
    }

    @Test
    void handoverToNowhereHints() {
        List<String> lines = DashboardFacts.handover(Handover.NONE, NOW);
        assertEquals(1, lines.size());
        assertTrue(lines.get(0).startsWith("Not handed over yet: Copy token"), lines.get(0));
    }

    @Test
    void nextReminderInWords() {
        assertEquals("none planned", DashboardFacts.nextReminder(Optional.empty(), NOW));
        assertEquals("tomorrow 06:00:00 IST: Main's session expires", DashboardFacts.nextReminder(
                Optional.of(new Reminders.Upcoming(ist("2026-11-24T06:00:00"), "Main's session expires")), NOW));
    }

    @Test
    void aListRowChangesOnceAMinuteEvenWhenTheDashboardsCountdownTicks() {
        ProfileStatus row = checked(null, null).orElseThrow();
        Instant tick = ist("2026-11-23T10:00:01");
        assertEquals(new ListRow("Main (default)", "active, 20:00 left", SessionState.ACTIVE), ListRow.of(row, tick));
        assertEquals(ListRow.of(row, tick), ListRow.of(row, ist("2026-11-23T10:00:59")), "nothing to lay out or repaint");
        assertEquals("active, 19:59 left", ListRow.of(row, ist("2026-11-23T10:01:00")).words());
        // In the last hour the dashboard's countdown shows its seconds; the list still says minutes.
        Instant lastHour = ist("2026-11-24T05:10:01");
        Instant next = lastHour.plusSeconds(1);
        assertEquals(ListRow.of(row, lastHour), ListRow.of(row, next));
        assertEquals("active, 00:50 left", ListRow.of(row, next).words());
        assertEquals("00:49:59", Countdown.toTheSecondInTheLastHour(row.remaining(lastHour)));
        assertEquals("00:49:58", Countdown.toTheSecondInTheLastHour(row.remaining(next)));
    }

    @Test
    void aListRowSaysTheStateAsTheTitleAndTheTrayDo() {
        ProfileStatus row = checked(null, null).orElseThrow();
        assertEquals(new ListRow("Main (default)", "expiring soon, 00:30 left", SessionState.EXPIRING_SOON),
                ListRow.of(row, ist("2026-11-24T05:30:00")));
        assertEquals("expired", ListRow.of(row, ist("2026-11-24T06:00:00")).words());
        assertEquals(new ListRow("Main", "not logged in", SessionState.NOT_LOGGED_IN),
                ListRow.of(new ProfileStatus(PROFILE, null, false, false), NOW));
    }

    @Test
    void aStatesStyleClass() {
        assertEquals("state-expiring-soon", DashboardFacts.style(SessionState.EXPIRING_SOON));
        assertEquals("state-unknown-offline", DashboardFacts.style(SessionState.UNKNOWN_OFFLINE));
    }
}
