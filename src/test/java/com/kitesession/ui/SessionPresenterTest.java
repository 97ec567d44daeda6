package com.kitesession.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.service.Preferences;
import com.kitesession.service.Reminders;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord.LivenessVerdict;
import com.kitesession.session.SessionState;
import com.kitesession.testing.SimClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shown session: copy, verify, the liveness round, expiry, log out. Against the simulator's tokens. */
class SessionPresenterTest extends PresenterTestBase {
    private KiteProfile profile;
    private ActiveSession loggedIn;

    /** Profile "a" saved with {@code livenessMinutes}, the window opened and logged in at 10:00 IST. */
    private void openLoggedIn(int livenessMinutes) throws Exception {
        profile = saveSimProfile("a", "Account A");
        sessions.savePreferences(new Preferences(Optional.of(Reminders.PRE_MARKET), livenessMinutes, true,
                Preferences.Theme.SYSTEM));
        open();
        loggedIn = logInShownProfile();
    }

    private MainModel.Notice status() {
        return model.sessionStatusProperty().get();
    }

    private SessionState shownState() {
        return model.selectedRow().orElseThrow().state(model.nowProperty().get());
    }

    /** Titles of the explanations shown from now on. */
    private List<String> explanationsFromNow() {
        List<String> shown = new ArrayList<>();
        model.explanationProperty().addListener((obs, old, why) -> {
            if (why != null) shown.add(why.title());
        });
        return shown;
    }

    @Test
    void copyPutsTheTokenOnTheClipboardAndClearsItLater() throws Exception {
        openLoggedIn(5);
        commands.setClipboardClear(30);
        tickTo(TEN_AM_IST.plusSeconds(7));
        commands.copyToken();

        assertEquals(loggedIn.accessToken(), clipboard.text);
        assertEquals(MainModel.Notice.success("Access token copied to the clipboard; it is cleared in 30 s if still there."),
                status());
        Handover handover = model.handoverProperty().get();
        assertEquals(TEN_AM_IST.plusSeconds(7), handover.copiedAt());
        assertEquals(30, handover.clipboardClearSeconds());
        assertEquals(1, later.size());
        assertEquals(Duration.ofSeconds(30), later.get(0).delay());
        later.get(0).task().run();
        assertNull(clipboard.text, "cleared, as it still held the token");
    }

    @Test
    void copyWithoutClearingSchedulesNothing() throws Exception {
        openLoggedIn(5);
        commands.copyToken();
        assertEquals(loggedIn.accessToken(), clipboard.text);
        assertEquals(MainModel.Notice.success("Access token copied to the clipboard."), status());
        assertEquals(List.of(), later);
        assertEquals(List.of("Clipboard, 10:00:00 IST"),
                DashboardFacts.handover(model.handoverProperty().get(), clock.instant()));
    }

    @Test
    void verifyOfALiveToken() throws Exception {
        openLoggedIn(5);
        commands.verify();
        assertEquals(MainModel.Notice.success("Session is live: Kite accepted the token."), status());
        assertEquals(MainModel.Retry.VERIFY, model.retry);
        assertNull(explanation());
        assertEquals(LivenessVerdict.LIVE, model.selectedRow().orElseThrow().record().lastVerdict());
    }

    @Test
    void verifyOfATokenKiteInvalidated() throws Exception {
        openLoggedIn(5);
        simulator.invalidateAccessTokens(account().userId());
        commands.verify();

        assertEquals(MainModel.Notice.problem("Kite refused the session: see above."), status());
        assertEquals("The session was ended early", explanation().title());
        assertNotNull(explanation().kiteMessage(), "Kite's own words are quoted");
        assertEquals(SessionState.INVALIDATED, shownState());
        assertTrue(DashboardFacts.lastCheck(model.selectedRow(), clock.instant()).endsWith("refused by Kite (403, TokenException)"),
                DashboardFacts.lastCheck(model.selectedRow(), clock.instant()));
    }

    @Test
    void verifyWhileScriptsUseUpKitesRateSaysSoAndKeepsWhatWasKnown() throws Exception {
        openLoggedIn(5);
        commands.verify(); // live
        SimClient scripts = new SimClient(simulator);
        for (int i = 0; i < 12; i++) scripts.profile(account().apiKey(), loggedIn.accessToken()); // a script polling hard

        commands.verify();

        assertEquals(MainModel.Notice.problem("Kite is busy (too many requests) and did not check; the token is kept."
                + " Verify again in a moment."), status());
        assertEquals("Too many requests to Kite", explanation().title());
        assertEquals(SessionState.ACTIVE, shownState(), "not offline: live when last checked");
        assertEquals(LivenessVerdict.LIVE, model.selectedRow().orElseThrow().record().lastVerdict());
    }

    @Test
    void verifyOfASessionForgottenElsewhereEndsIt() throws Exception {
        openLoggedIn(5);
        sessions.forgetSession(profile); // as `kite-session logout` in a terminal would
        commands.verify();
        assertNull(model.sessionProperty().get());
        assertEquals(MainModel.Card.WELCOME, card());
        assertEquals(MainModel.Notice.Tone.INFO, model.noticeProperty().get().tone());
        assertTrue(model.noticeProperty().get().text().startsWith("No session is stored"), model.noticeProperty().get().text());
    }

    @Test
    void logoutEndsTheSessionOnKiteAndHere() throws Exception {
        openLoggedIn(5);
        commands.copyToken();
        commands.logout();

        assertNull(model.sessionProperty().get());
        assertEquals(MainModel.Card.WELCOME, card());
        assertEquals(Handover.NONE, model.handoverProperty().get());
        assertEquals(MainModel.Notice.NONE, status());
        assertEquals(Optional.empty(), sessions.session(profile));
        assertEquals(SessionState.NOT_LOGGED_IN, shownState());
        assertEquals(403, new SimClient(simulator).profile(account().apiKey(), loggedIn.accessToken()).code());
    }

    @Test
    void theLivenessRoundComesDueAfterThePreferredMinutes() throws Exception {
        openLoggedIn(2);
        List<String> shown = explanationsFromNow();
        simulator.invalidateAccessTokens(account().userId());

        tickTo(TEN_AM_IST.plus(Duration.ofMinutes(2)).minusSeconds(1));
        assertEquals(List.of(), shown, "not checked before the round");
        assertEquals(SessionState.ACTIVE, shownState());
        assertTrue(model.titleProperty().get().contains(" left \u2013 "), model.titleProperty().get());

        tickTo(TEN_AM_IST.plus(Duration.ofMinutes(2)));
        assertEquals(List.of("The session was ended early"), shown);
        assertEquals(SessionState.INVALIDATED, shownState());
        assertEquals("Kite Session Manager", model.titleProperty().get(), "no countdown for a session Kite refused");
    }

    @Test
    void newPreferencesMoveTheNextRound() throws Exception {
        openLoggedIn(2);
        List<String> shown = explanationsFromNow();
        simulator.invalidateAccessTokens(account().userId());
        tickTo(TEN_AM_IST.plusSeconds(60));
        dialogs.preferences = new Preferences(Optional.empty(), 10, false, Preferences.Theme.DARK);
        commands.preferences();
        assertEquals(dialogs.preferences, model.preferencesProperty().get());
        assertEquals(dialogs.preferences, sessions.preferences(), "saved");

        tickTo(TEN_AM_IST.plus(Duration.ofMinutes(10)));
        assertEquals(List.of(), shown, "the 2-minute round is off");
        tickTo(TEN_AM_IST.plus(Duration.ofMinutes(11)));
        assertEquals(List.of("The session was ended early"), shown);
    }

    @Test
    void anExpiredSessionIsExplainedOnce() throws Exception {
        openLoggedIn(5);
        List<String> shown = explanationsFromNow();
        Instant expiry = loggedIn.expiresAt().toInstant();

        tickTo(expiry.minusSeconds(1));
        assertEquals(List.of(), shown);
        tickTo(expiry);
        assertEquals(List.of("The session expired at 06:00 IST"), shown);
        commands.dismissExplanation();
        tickTo(expiry.plusSeconds(1));
        tickTo(expiry.plus(Duration.ofMinutes(6)));
        assertEquals(List.of("The session expired at 06:00 IST"), shown);
        assertNull(explanation());
        assertEquals(SessionState.EXPIRED, shownState());
        assertEquals(MainModel.APP_NAME, model.titleProperty().get());
    }
}
