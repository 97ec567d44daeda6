package com.kitesession.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.kitesession.service.ProfileStatus;
import com.kitesession.session.KiteProfile;
import com.kitesession.session.ProfileForm;
import com.kitesession.session.RedirectUrlCheck;
import com.kitesession.storage.AppSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Start-up, the list and the editor: select, add, save, delete, default, export. */
class ProfilesPresenterTest extends PresenterTestBase {
    private static final String TOTP = "KITESIMULATORDEMOSECRETTOTPABCDE";

    private static ProfileForm form(String name, String apiKey, String apiSecret, boolean oneClick, String totp) {
        return new ProfileForm(name, apiKey, apiSecret, RedirectUrlCheck.SUGGESTED, "", oneClick, "", totp);
    }

    private List<String> rowIds() {
        return model.rows().stream().map(row -> row.profile().id()).toList();
    }

    private ProfileDraft draft() {
        return model.draftProperty().get();
    }

    private String selectedId() {
        return model.selectedIdProperty().get();
    }

    @Test
    void withNoSavedProfilesTheDemoStartsAndIsSelected() {
        open();
        assertEquals(List.of(KiteProfile.DEMO_ID), rowIds());
        assertEquals(KiteProfile.DEMO_ID, selectedId());
        KiteProfile demo = model.profileProperty().get();
        assertEquals(simulator.baseUrl(), demo.apiBase());
        assertEquals(account().apiKey(), demo.apiKey());
        assertEquals(account(), model.demoProperty().get());
        assertFalse(model.savedProfileSelectedProperty().get());
        assertTrue(model.canLoginProperty().get());
        assertTrue(draft().saved());
        assertTrue(draft().secretStoredIn().contains("memory"), draft().secretStoredIn());
        assertTrue(draft().loginSecretsStored(), "the demo logs in with one click");
        assertEquals(MainModel.Card.WELCOME, card());
        assertEquals(List.of(), sessions.settings().profiles, "the demo is never saved");
    }

    @Test
    void savedProfilesShowTheLastOneUsed() throws Exception {
        saveSimProfile("a", "Account A");
        saveSimProfile("b", "Account B");
        sessions.rememberLastProfile("b");
        open();
        assertEquals(List.of("a", "b"), rowIds(), "no demo beside saved profiles");
        assertEquals("b", selectedId());
        assertEquals("Account B", model.profileProperty().get().name());
        assertTrue(model.savedProfileSelectedProperty().get());
        assertNull(model.demoProperty().get());
        assertNull(explanation());
    }

    @Test
    void withoutALastProfileTheDefaultIsShown() throws Exception {
        saveSimProfile("a", "Account A");
        KiteProfile b = saveSimProfile("b", "Account B");
        sessions.setDefault(b);
        open();
        assertEquals("b", selectedId());
        assertEquals("b", sessions.settings().lastProfileId, "the selection is remembered");
    }

    @Test
    void aDamagedSettingsFileIsExplainedAndTheBackupShown() throws Exception {
        saveSimProfile("a", "Account A");
        sessions.rememberLastProfile("a"); // the second write keeps the first as the backup
        Files.writeString(home.resolve("settings/settings.json"), "{ not json");
        sessions = newSessions();
        open();
        assertEquals("A problem with the settings file", explanation().title());
        assertTrue(explanation().why().contains("damaged"), explanation().why());
        assertEquals(List.of("a"), rowIds());
        assertEquals("a", selectedId());
    }

    @Test
    void selectingFillsTheDraftAndShowsTheStoredSession() throws Exception {
        saveSimProfile("a", "Account A");
        sessions.saveProfile(simProfile("b", "Account B"), "");
        open();
        assertEquals("a", selectedId());
        assertEquals(new ProfileDraft(model.profileProperty().get(), true, "the " + secrets.describe(), false, ""),
                draft());
        assertTrue(model.canLoginProperty().get());
        assertNull(model.sessionProperty().get());
        assertEquals(MainModel.Card.WELCOME, card());

        String token = logInShownProfile().accessToken();
        assertEquals(MainModel.Card.TOKEN, card());

        commands.select("b");
        assertEquals("b", selectedId());
        assertNull(draft().secretStoredIn(), "no api_secret was stored for B");
        assertNull(model.sessionProperty().get());
        assertEquals(MainModel.Card.WELCOME, card());

        commands.select("a");
        assertEquals(token, model.sessionProperty().get().accessToken());
        assertEquals(MainModel.Card.TOKEN, card());
        assertEquals("a", sessions.settings().lastProfileId);
    }

    @Test
    void addOpensTheEditorOnAnUnsavedDraft() throws Exception {
        openOnSavedProfile();
        commands.addProfile();
        assertEquals(MainModel.Card.EDIT_PROFILE, card());
        assertFalse(draft().saved());
        assertNull(draft().secretStoredIn());
        assertEquals("My Kite app", draft().profile().name());
        assertNull(selectedId());
        assertNull(model.sessionProperty().get());
        assertFalse(model.canLoginProperty().get());
        assertFalse(model.savedProfileSelectedProperty().get());
        assertEquals(MainModel.EditorField.NAME, model.editorFocusProperty().get());
    }

    @Test
    void theFirstOwnAppStartsWithTheRedirectHelp() {
        open();
        commands.addProfile();
        assertEquals(MainModel.Card.REDIRECT_HELP, card());
        assertFalse(draft().saved());
    }

    static Stream<Arguments> badForms() {
        return Stream.of(
                Arguments.of(form(" ", "myapikey", "mysecret", false, ""), "Give the profile a name"),
                Arguments.of(form("Main", "my api key", "mysecret", false, ""), "The api_key has spaces in it"),
                Arguments.of(form("Main", "myapikey", "", false, ""), "Enter the app's api_secret"),
                Arguments.of(form("Main", "myapikey", "mysecret", true, "not a secret!"), "That is not a TOTP secret"));
    }

    @ParameterizedTest
    @MethodSource("badForms")
    void aFormWithAProblemSavesNothing(ProfileForm bad, String problem) throws Exception {
        open();
        commands.addProfile();
        KiteProfile unsaved = draft().profile();
        commands.saveProfile(bad);
        MainModel.Notice notice = model.noticeProperty().get();
        assertEquals(MainModel.Notice.Tone.PROBLEM, notice.tone());
        assertTrue(notice.text().startsWith(problem), notice.text());
        assertEquals(List.of(), sessions.settings().profiles);
        assertEquals(Optional.empty(), sessions.apiSecret(unsaved));
        assertFalse(sessions.loginSecrets(unsaved).any());
        assertEquals(MainModel.Card.REDIRECT_HELP, card(), "the person stays where they were");
        assertFalse(draft().saved());
    }

    @Test
    void aGoodFormIsSavedWithItsSecretsAndSelected() throws Exception {
        open();
        commands.addProfile();
        commands.saveProfile(new ProfileForm("  Main account ", " myapikey ", "mysecret", RedirectUrlCheck.SUGGESTED,
                " AB1234 ", true, "kite-password", "kites imul atordemosecrettotpabcde"));

        assertEquals(MainModel.Notice.success("Saved."), model.noticeProperty().get());
        KiteProfile saved = sessions.settings().profiles.get(0);
        assertEquals("Main account", saved.name());
        assertEquals("myapikey", saved.apiKey());
        assertEquals("AB1234", saved.userId());
        assertEquals(Optional.of("mysecret"), sessions.apiSecret(saved));
        assertEquals(Optional.of("kite-password"), sessions.loginSecrets(saved).password());
        assertEquals(Optional.of(TOTP), sessions.loginSecrets(saved).totpSecret(), "stored normalised");
        assertEquals(saved.id(), sessions.settings().defaultProfileId, "the first saved profile is the default");

        assertEquals(saved.id(), selectedId());
        assertEquals(List.of(saved.id(), KiteProfile.DEMO_ID), rowIds());
        assertTrue(draft().saved());
        assertTrue(draft().loginSecretsStored());
        assertTrue(model.savedProfileSelectedProperty().get());
        assertEquals(MainModel.Card.WELCOME, card());
    }

    @Test
    void savingAgainWithBlankSecretsKeepsThem() throws Exception {
        open();
        commands.addProfile();
        commands.saveProfile(new ProfileForm("Main", "myapikey", "mysecret", RedirectUrlCheck.SUGGESTED, "", true,
                "kite-password", TOTP));
        KiteProfile saved = sessions.settings().profiles.get(0);
        commands.editProfile();
        commands.saveProfile(new ProfileForm("Renamed", "myapikey", "", RedirectUrlCheck.SUGGESTED, "", true, "", ""));

        assertEquals(MainModel.Notice.success("Saved."), model.noticeProperty().get());
        assertEquals("Renamed", sessions.settings().profiles.get(0).name());
        assertEquals(1, sessions.settings().profiles.size());
        assertEquals(Optional.of("mysecret"), sessions.apiSecret(saved));
        assertEquals(Optional.of(TOTP), sessions.loginSecrets(saved).totpSecret());
        assertEquals("Renamed", model.profileProperty().get().name());
    }

    @Test
    void closingTheEditorOfANewProfileReturnsToTheSelection() throws Exception {
        saveSimProfile("a", "Account A");
        saveSimProfile("b", "Account B");
        open();
        commands.select("b");
        String token = logInShownProfile().accessToken();
        commands.addProfile();
        commands.closeEditor();
        assertEquals("b", selectedId());
        assertEquals("b", draft().profile().id());
        assertTrue(draft().saved());
        assertEquals(token, model.sessionProperty().get().accessToken());
        assertEquals(MainModel.Card.TOKEN, card(), "home, not the editor of B");
    }

    @Test
    void closingTheEditorOfANewProfileReturnsToTheDemoWhenItWasSelected() throws Exception {
        open();
        commands.addProfile();
        commands.saveProfile(form("Main", "myapikey", "mysecret", false, ""));
        commands.select(KiteProfile.DEMO_ID);
        commands.addProfile();
        commands.closeEditor();
        assertEquals(KiteProfile.DEMO_ID, selectedId());
        assertEquals(MainModel.Card.WELCOME, card());
    }

    @Test
    void closingTheEditorOfASavedProfileGoesHome() throws Exception {
        openOnSavedProfile();
        commands.editProfile();
        assertEquals(MainModel.Card.EDIT_PROFILE, card());
        commands.closeEditor();
        assertEquals(MainModel.Card.WELCOME, card());
        assertEquals("a", selectedId());
    }

    @Test
    void deleteAsksFirstAndFallsBackToTheDemoWhenNoneAreLeft() throws Exception {
        KiteProfile a = saveSimProfile("a", "Account A");
        saveSimProfile("b", "Account B");
        open();

        dialogs.confirmDelete = false;
        commands.deleteProfile();
        assertEquals(List.of("Account A"), dialogs.deleteQuestions);
        assertEquals(List.of("a", "b"), rowIds());
        assertEquals("a", selectedId());

        dialogs.confirmDelete = true;
        commands.deleteProfile();
        assertEquals(List.of("b"), rowIds());
        assertEquals("b", selectedId());
        assertEquals(Optional.empty(), sessions.apiSecret(a), "its secrets went with it");

        commands.deleteProfile();
        assertEquals(List.of(KiteProfile.DEMO_ID), rowIds());
        assertEquals(KiteProfile.DEMO_ID, selectedId());
        assertEquals(account(), model.demoProperty().get());
        assertEquals(List.of(), sessions.settings().profiles);
    }

    @Test
    void makeDefaultMarksTheSelectedRow() throws Exception {
        saveSimProfile("a", "Account A");
        saveSimProfile("b", "Account B");
        open();
        commands.select("b");
        commands.makeDefault();
        assertEquals("b", sessions.settings().defaultProfileId);
        assertEquals(List.of(false, true), model.rows().stream().map(ProfileStatus::isDefault).toList());
        assertEquals("b", selectedId());
    }

    @Test
    void chooseExportRemembersTheFileAndTheDraftSaysWhere() throws Exception {
        openOnSavedProfile();
        Path file = home.resolve("scripts/kite.env");
        dialogs.exportFile = file.toFile();
        commands.exportToken();

        AppSettings.TokenExport export = sessions.settings().exports.get("a");
        assertEquals(new AppSettings.TokenExport(file.toAbsolutePath().toString(), AppSettings.ExportFormat.ENV), export);
        String target = file.toAbsolutePath() + " (env)";
        assertEquals("On each login the token is written to " + target + ".", draft().exportInfo());
        assertEquals(Handover.export(target, null, null), model.handoverProperty().get());
        assertEquals(List.of("File " + target + ", written at the next login"),
                DashboardFacts.handover(model.handoverProperty().get(), clock.instant()));
    }

    @Test
    void aCancelledChooserOrTheDemoStoresNoExport() throws Exception {
        open();
        dialogs.exportFile = home.resolve("demo.json").toFile();
        commands.exportToken();
        assertEquals(0, sessions.settings().exports.size(), "the demo has no export");

        saveSimProfile("a", "Account A");
        profiles.refresh("a");
        assertEquals("a", selectedId());
        dialogs.exportFile = null;
        commands.exportToken();
        assertEquals(0, sessions.settings().exports.size());
        assertEquals("", draft().exportInfo());
    }
}
