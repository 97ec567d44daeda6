package com.kitesession.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.kitesession.explain.ErrorExplainer;
import com.kitesession.explain.FixAction;
import com.kitesession.service.Preferences;
import com.kitesession.session.KiteProfile;
import com.kitesession.testing.SimClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fix buttons of explanations and the redirect help, as the window's commands run them. */
class WindowCommandsTest extends PresenterTestBase {

    /** An explanation on screen, as a failure would leave it. */
    private void explainSomething() {
        model.explain(new ErrorExplainer().explainCancelled());
    }

    private List<MainModel.EditorField> focusFromNow() {
        List<MainModel.EditorField> asked = new ArrayList<>();
        model.editorFocusProperty().addListener((obs, old, field) -> {
            if (field != null) asked.add(field);
        });
        return asked;
    }

    @Test
    void retryAfterAVerifyVerifiesAgain() throws Exception {
        openOnSavedProfile();
        logInShownProfile();
        commands.verify();
        assertEquals(MainModel.Notice.success("Session is live: Kite accepted the token."),
                model.sessionStatusProperty().get());

        simulator.invalidateAccessTokens(account().userId());
        explainSomething();
        commands.fix(FixAction.RETRY);
        assertEquals(MainModel.Notice.problem("Kite refused the session: see above."), model.sessionStatusProperty().get());
        assertEquals("The session was ended early", explanation().title());
        assertEquals(1, surface.starts.size(), "no new login");
    }

    @Test
    void retryOtherwiseLogsInAgain() throws Exception {
        openOnSavedProfile();
        commands.login();
        commands.cancelLogin();
        explainSomething();
        commands.fix(FixAction.RETRY);
        assertNull(explanation());
        assertEquals(2, surface.starts.size());
        assertEquals(MainModel.Card.LOGIN, card());
    }

    @Test
    void aLoginAfterAVerifyMakesRetryLogInAgain() throws Exception {
        openOnSavedProfile();
        logInShownProfile();
        commands.verify();
        commands.login();
        commands.fix(FixAction.RETRY);
        assertEquals(3, surface.starts.size());
    }

    @Test
    void reloginStartsALogin() throws Exception {
        openOnSavedProfile();
        commands.fix(FixAction.RELOGIN);
        assertEquals(1, surface.starts.size());
        assertEquals(MainModel.Card.LOGIN, card());
    }

    @Test
    void editFixesOpenTheEditorAtTheirField() throws Exception {
        openOnSavedProfile();
        List<MainModel.EditorField> asked = focusFromNow();
        explainSomething();
        commands.fix(FixAction.EDIT_SECRET);
        assertNull(explanation());
        assertEquals(MainModel.Card.EDIT_PROFILE, card());
        assertEquals(MainModel.EditorField.API_SECRET, model.editorFocusProperty().get());

        commands.fix(FixAction.EDIT_SECRET);
        commands.fix(FixAction.EDIT_PROFILE);
        commands.fix(FixAction.CHECK_LOGIN_DETAILS);
        assertEquals(List.of(MainModel.EditorField.NAME, MainModel.EditorField.API_SECRET,
                MainModel.EditorField.NAME, MainModel.EditorField.API_SECRET,
                MainModel.EditorField.NAME, MainModel.EditorField.API_KEY,
                MainModel.EditorField.NAME, MainModel.EditorField.LOGIN_DETAILS), asked);
    }

    @Test
    void forgetLocallyWipesTheTokenHereOnly() throws Exception {
        KiteProfile a = openOnSavedProfile();
        String token = logInShownProfile().accessToken();
        model.explain(new ErrorExplainer().explainLogoutFailed(new ErrorExplainer().explainCancelled()));
        commands.fix(FixAction.FORGET_LOCALLY);

        assertNull(explanation());
        assertNull(model.sessionProperty().get());
        assertEquals(MainModel.Card.WELCOME, card());
        assertEquals(Optional.empty(), sessions.session(a));
        assertEquals(200, new SimClient(simulator).profile(account().apiKey(), token).code(), "Kite was not told");
    }

    @Test
    void noneOnlyDismisses() throws Exception {
        openOnSavedProfile();
        explainSomething();
        commands.fix(FixAction.NONE);
        assertNull(explanation());
        assertEquals(MainModel.Card.WELCOME, card());
        assertEquals(List.of(), surface.starts);
    }

    @Test
    void closingTheRedirectHelpReturnsToTheNewProfile() {
        open();
        commands.addProfile();
        assertEquals(MainModel.Card.REDIRECT_HELP, card());
        commands.closeRedirectHelp();
        assertEquals(MainModel.Card.EDIT_PROFILE, card());

        commands.redirectHelp();
        assertEquals(MainModel.Card.REDIRECT_HELP, card());
        commands.closeRedirectHelp();
        assertEquals(MainModel.Card.EDIT_PROFILE, card());
    }

    @Test
    void closingTheRedirectHelpOfASavedProfileGoesHome() throws Exception {
        openOnSavedProfile();
        logInShownProfile();
        commands.redirectHelp();
        commands.closeRedirectHelp();
        assertEquals(MainModel.Card.TOKEN, card());
    }

    @Test
    void startAtLoginIsReadFromTheEntryAndWrittenOnSave() throws Exception {
        openOnSavedProfile();
        autostart.on = true; // an entry already there
        dialogs.preferences = null; // cancelled
        commands.preferences();
        assertEquals(true, dialogs.shownPreferences.startAtLogin(), "read back from the OS's entry");
        assertEquals(List.of(), autostart.sets);

        Preferences off = new Preferences(Optional.empty(), 10, false, Preferences.Theme.DARK, false);
        dialogs.preferences = off;
        commands.preferences();
        assertEquals(List.of(false), autostart.sets);
        assertEquals(false, autostart.on);
        assertEquals(off, model.preferencesProperty().get());
        assertEquals(off, sessions.preferences(), "saved");

        dialogs.preferences = off.withStartAtLogin(true);
        commands.preferences();
        assertEquals(false, dialogs.shownPreferences.startAtLogin());
        assertEquals(List.of(false, true), autostart.sets);
        assertEquals(true, autostart.on);
        assertEquals(off.withStartAtLogin(true), model.preferencesProperty().get());
        assertNull(explanation());
    }

    @Test
    void anEntryThatCannotBeWrittenIsExplained() throws Exception {
        openOnSavedProfile();
        autostart.failure = new IOException("Could not write /x/kite-session.desktop (denied). Check that /x is yours.");
        Preferences on = new Preferences(Optional.empty(), 10, false, Preferences.Theme.DARK, true);
        dialogs.preferences = on;
        commands.preferences();
        assertEquals("Could not start the app at login", explanation().title());
        assertEquals("Could not write /x/kite-session.desktop (denied). Check that /x is yours.", explanation().why());
        assertEquals(on.withStartAtLogin(false), model.preferencesProperty().get());
        assertEquals(on.withStartAtLogin(false), sessions.preferences(), "the other preferences were saved");
    }
}
