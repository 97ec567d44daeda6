package com.kitesession.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.explain.FixAction;
import com.kitesession.explain.LoginRejection;
import com.kitesession.login.LoginAttempt;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.SessionRecord.LivenessVerdict;
import com.kitesession.session.SessionState;
import com.kitesession.testing.SimClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The login path, with the test as the browser: Kite's pages over HTTP, the redirect fed to the attempt. */
class LoginPresenterTest extends PresenterTestBase {

    /** Chooses {@code file} as the shown profile's export. */
    private String exportTo(Path file) {
        dialogs.exportFile = file.toFile();
        commands.exportToken();
        return file.toAbsolutePath() + " (" + (file.toString().endsWith(".env") ? "env" : "json") + ")";
    }

    @Test
    void anUnsavedProfileCannotLogIn() {
        open();
        commands.addProfile();
        commands.login();
        assertEquals(MainModel.Notice.problem("Save the profile first, then log in."), model.noticeProperty().get());
        assertEquals(List.of(), surface.starts);
        assertEquals(MainModel.Card.REDIRECT_HELP, card());
    }

    @Test
    void logInOpensKitesLoginPageOnTheSurface() throws Exception {
        openOnSavedProfile();
        commands.login();
        assertEquals(MainModel.Card.LOGIN, card());
        assertEquals(1, surface.starts.size());
        LoginAttempt attempt = surface.lastAttempt();
        assertEquals(simulator.baseUrl() + "/connect/login?v=3&api_key=" + account().apiKey()
                + "&redirect_params=ks_state%3D" + attempt.state().value(), attempt.loginUrl());
        assertFalse(attempt.isFinished());
        assertEquals(MainModel.Notice.NONE, model.noticeProperty().get());
    }

    @Test
    void theRedirectEndsOnTheTokenWithTheSessionRemembered() throws Exception {
        KiteProfile a = openOnSavedProfile();
        ActiveSession shown = logInShownProfile();

        assertEquals(MainModel.Card.TOKEN, card());
        assertEquals(account().userId(), shown.userId());
        assertEquals(MainModel.Notice.NONE, model.sessionStatusProperty().get());
        assertEquals(Handover.NONE, model.handoverProperty().get());
        assertEquals(Optional.of(shown), sessions.session(a));
        assertEquals(LivenessVerdict.LIVE, sessions.settings().sessions.get("a").lastVerdict());
        assertEquals(SessionState.ACTIVE, model.selectedRow().orElseThrow().state(clock.instant()), "the list shows it");
        assertEquals(1, surface.stops, "the login page was left");
        assertEquals(200, new SimClient(simulator).profile(account().apiKey(), shown.accessToken()).code(),
                "Kite accepts the token");
    }

    @Test
    void theExportIsWrittenOnLogin() throws Exception {
        openOnSavedProfile();
        Path file = home.resolve("scripts/kite.json");
        String target = exportTo(file);
        ActiveSession shown = logInShownProfile();

        assertTrue(Files.readString(file).contains(shown.accessToken()));
        assertEquals(Handover.export(target, clock.instant(), null), model.handoverProperty().get());
        assertEquals(MainModel.Notice.NONE, model.sessionStatusProperty().get());
        assertEquals(List.of("File " + target + ", written 10:00:00 IST"),
                DashboardFacts.handover(model.handoverProperty().get(), clock.instant()));
    }

    @Test
    void anExportThatCannotBeWrittenIsSaidButTheLoginStands() throws Exception {
        openOnSavedProfile();
        Path notAFolder = Files.writeString(home.resolve("notes.txt"), "a file, not a folder");
        String target = exportTo(notAFolder.resolve("kite.env"));
        ActiveSession shown = logInShownProfile();

        MainModel.Notice status = model.sessionStatusProperty().get();
        assertEquals(MainModel.Notice.Tone.PROBLEM, status.tone());
        assertTrue(status.text().startsWith("The token could not be written to "), status.text());
        Handover handover = model.handoverProperty().get();
        assertEquals(target, handover.exportTarget());
        assertNull(handover.exportWrittenAt());
        assertEquals(status.text(), handover.exportProblem());
        assertEquals(MainModel.Card.TOKEN, card());
        assertEquals(shown, model.sessionProperty().get());
    }

    @Test
    void aLoginAfterACopyForgetsTheOldTokensHandover() throws Exception {
        openOnSavedProfile();
        logInShownProfile();
        commands.copyToken();
        assertNotNull(model.handoverProperty().get().copiedAt());

        ActiveSession fresh = logInShownProfile();
        assertEquals(fresh, model.sessionProperty().get());
        assertEquals(Handover.NONE, model.handoverProperty().get(), "the new token was not copied yet");
    }

    @Test
    void aRefusedExchangeIsExplainedAndGoesHome() throws Exception {
        sessions.saveProfile(simProfile("a", "Account A"), "not-the-apps-secret");
        open();
        commands.login();
        String redirect = new SimClient(simulator).login(account(), null);
        assertTrue(surface.lastAttempt().onNavigation(redirect));

        assertNotNull(explanation());
        assertEquals(FixAction.EDIT_SECRET, explanation().action(), explanation().title());
        assertNull(model.sessionProperty().get());
        assertEquals(MainModel.Card.WELCOME, card());
    }

    @Test
    void leavingTheLoginCardStopsTheSurface() throws Exception {
        openOnSavedProfile();
        commands.login();
        assertEquals(0, surface.stops);
        commands.cancelLogin();
        assertEquals(MainModel.Card.WELCOME, card());
        assertEquals(1, surface.stops);
    }

    @Test
    void aProfileThatCanLogInWarmsTheSurfaceUp() throws Exception {
        saveSimProfile("a", "Account A");
        saveSimProfile("b", "Account B");
        open();
        assertTrue(model.canLoginProperty().get());
        assertEquals(1, surface.warmUps);
        commands.addProfile();
        assertFalse(model.canLoginProperty().get());
        assertEquals(1, surface.warmUps);
        commands.closeEditor();
        assertTrue(model.canLoginProperty().get());
        assertEquals(2, surface.warmUps, "asked again; the surface warms up once");
    }

    @Test
    void aLoginPageThatDidNotLoadIsExplainedWithoutItsQuery() throws Exception {
        openOnSavedProfile();
        commands.login();
        surface.lastStart().onLoadFailure().accept(surface.lastAttempt().loginUrl());

        assertEquals("The Kite login page did not load", explanation().title());
        assertTrue(explanation().why().contains(simulator.baseUrl() + "/connect/login."), explanation().why());
        assertFalse(explanation().why().contains("api_key"), explanation().why());
        assertFalse(explanation().why().contains(account().apiKey()), explanation().why());
        assertEquals(MainModel.Card.WELCOME, card());
        assertEquals(1, surface.stops);
    }

    @Test
    void aRefusalOnKitesPageIsExplainedOnTheLoginCard() throws Exception {
        openOnSavedProfile();
        commands.login();
        surface.lastStart().onRejection().accept(LoginRejection.detect("Invalid TOTP. 3 attempts remain.").orElseThrow());

        assertNotNull(explanation());
        assertEquals(MainModel.Card.LOGIN, card(), "the person tries again on the page");
    }

    @Test
    void clearingLoginCookiesLeavesAnOpenLogin() throws Exception {
        openOnSavedProfile();
        commands.login();
        commands.clearLoginCookies();
        assertEquals(MainModel.Card.WELCOME, card());
        assertEquals(1, surface.stops);
        assertEquals(1, surface.storedDataClears);
        MainModel.Notice notice = model.noticeProperty().get();
        assertEquals(MainModel.Notice.Tone.SUCCESS, notice.tone());
        assertTrue(notice.text().startsWith("Login cookies cleared"), notice.text());

        surface.cookiesReachable = false;
        commands.clearLoginCookies();
        assertEquals(2, surface.storedDataClears);
        assertTrue(model.noticeProperty().get().text().startsWith("The login browser's data was cleared; its cookies last"),
                model.noticeProperty().get().text());
    }

    @Test
    void kitesResetPageIsNotOpenedForTheDemo() {
        open();
        commands.fix(FixAction.OPEN_KITE_RESET);
        assertEquals(List.of(), dialogs.browsed);
        MainModel.Notice notice = model.noticeProperty().get();
        assertEquals(MainModel.Notice.Tone.INFO, notice.tone());
        assertTrue(notice.text().contains("not to Kite"), notice.text());
    }

    @Test
    void kitesResetPageOpensForASavedProfile() throws Exception {
        openOnSavedProfile();
        commands.fix(FixAction.OPEN_KITE_RESET);
        assertEquals(List.of(LoginRejection.KITE_RESET_PAGE), dialogs.browsed);
    }

    @Test
    void theDemoLogsInToItsSimulator() {
        open();
        commands.login();
        assertEquals(MainModel.Card.LOGIN, card());
        assertTrue(surface.lastAttempt().loginUrl().startsWith(simulator.baseUrl() + "/connect/login?v=3&api_key="
                + account().apiKey() + "&redirect_params=ks_state%3D"), surface.lastAttempt().loginUrl());
        String redirect = new SimClient(simulator).login(account(), null);
        assertTrue(surface.lastAttempt().onNavigation(redirect));
        assertEquals(MainModel.Card.TOKEN, card());
        assertEquals(account().userId(), model.sessionProperty().get().userId());
    }
}
