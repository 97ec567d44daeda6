package com.kitesession.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.explain.ErrorLayer;
import com.kitesession.logging.LogRedactor;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.ProfileForm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** "Run after login": saved from the editor, run by every login, its outcome on the dashboard. */
@DisabledOnOs(OS.WINDOWS)
class AfterLoginPresenterTest extends PresenterTestBase {

    private String scriptLine(String body) throws Exception {
        Path script = Files.writeString(home.resolve("after login.sh"), body);
        return "sh '" + script.toAbsolutePath() + "'";
    }

    private void saveCommand(KiteProfile profile, String command) {
        commands.saveProfile(new ProfileForm(profile.name(), profile.apiKey(), "", profile.redirectUrl(), "", false, "", "",
                command));
    }

    @Test
    void theEditorSavesTheCommandAndShowsItAgain() throws Exception {
        KiteProfile a = openOnSavedProfile();
        assertEquals("", model.draftProperty().get().afterLogin());
        saveCommand(a, "  systemctl --user restart mybot ");
        assertEquals(MainModel.Notice.success("Saved."), model.noticeProperty().get());
        assertEquals(Optional.of("systemctl --user restart mybot"), sessions.afterLogin(a));
        assertEquals("systemctl --user restart mybot", model.draftProperty().get().afterLogin());
        saveCommand(a, " ");
        assertEquals(Optional.empty(), sessions.afterLogin(a));
    }

    @Test
    void aCommandWithAnUnclosedQuoteIsNotSaved() throws Exception {
        KiteProfile a = openOnSavedProfile();
        saveCommand(a, "ssh vps 'cat > ~/.kite/token");
        assertEquals(MainModel.Notice.problem("The command after login: A single quote (') is not closed; add the closing quote."),
                model.noticeProperty().get());
        assertEquals(Optional.empty(), sessions.afterLogin(a));
    }

    @Test
    void aLoginRunsTheCommandAndTheDashboardShowsItsMaskedOutput() throws Exception {
        KiteProfile a = openOnSavedProfile();
        saveCommand(a, scriptLine("read -r t; echo \"hello $KITE_USER_ID token $t\"\n"));
        ActiveSession shown = logInShownProfile();

        String row = DashboardFacts.afterLogin(model.handoverProperty().get());
        assertTrue(row.contains("exit 0\nhello " + shown.userId() + " token " + LogRedactor.MASK), row);
        assertFalse(row.contains(shown.accessToken()), row);
        assertNull(model.explanationProperty().get());
        assertEquals(MainModel.Card.TOKEN, card());
    }

    @Test
    void aFailingCommandIsExplainedAndTheLoginStands() throws Exception {
        KiteProfile a = openOnSavedProfile();
        saveCommand(a, scriptLine("echo bot not found\nexit 3\n"));
        ActiveSession shown = logInShownProfile();

        assertEquals(ErrorLayer.LOCAL, model.explanationProperty().get().layer());
        assertEquals("The command after login failed with exit status 3", model.explanationProperty().get().title());
        assertTrue(DashboardFacts.afterLogin(model.handoverProperty().get()).contains("exit 3\nbot not found"));
        assertEquals(shown, model.sessionProperty().get());
        assertEquals(Optional.of(shown.accessToken()), sessions.session(a).map(ActiveSession::accessToken));
        assertEquals(MainModel.Card.TOKEN, card());

        commands.fix(model.explanationProperty().get().action());
        assertEquals(MainModel.Card.EDIT_PROFILE, card());
        assertEquals(MainModel.EditorField.AFTER_LOGIN, model.editorFocusProperty().get());
    }

    @Test
    void withoutACommandTheRowSaysHowToSetOne() throws Exception {
        openOnSavedProfile();
        logInShownProfile();
        assertEquals("no command (Edit profile \u2192 Run after login)", DashboardFacts.afterLogin(model.handoverProperty().get()));
    }
}
