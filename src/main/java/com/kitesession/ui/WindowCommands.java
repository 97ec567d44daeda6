package com.kitesession.ui;

import com.kitesession.desktop.Autostart;
import com.kitesession.explain.ErrorLayer;
import com.kitesession.explain.Explanation;
import com.kitesession.explain.FixAction;
import com.kitesession.service.Preferences;
import com.kitesession.service.SessionService;
import com.kitesession.session.ProfileForm;
import java.io.IOException;
import java.util.List;

/**
 * Everything a person can ask of the window, in one place: the menu, the buttons, the fix button
 * of an explanation and the shortcuts all call these. Each hands over to the presenter that owns
 * the work; views never decide.
 */
final class WindowCommands {
    private final MainModel model;
    private final ProfilesPresenter profiles;
    private final LoginPresenter login;
    private final BrowserLoginPresenter browserLogin;
    private final SessionPresenter session;
    private final SessionService sessions;
    private final UiTasks tasks;
    private final WindowDialogs dialogs;
    private final Autostart autostart;

    WindowCommands(MainModel model, ProfilesPresenter profiles, LoginPresenter login, BrowserLoginPresenter browserLogin,
            SessionPresenter session, SessionService sessions, UiTasks tasks, WindowDialogs dialogs, Autostart autostart) {
        this.autostart = autostart;
        this.browserLogin = browserLogin;
        this.model = model;
        this.profiles = profiles;
        this.login = login;
        this.session = session;
        this.sessions = sessions;
        this.tasks = tasks;
        this.dialogs = dialogs;
    }

    /** At start: the saved profiles (their sessions checked at once) or the demo. */
    void start() {
        if (profiles.start()) session.checkAllLive();
    }

    // --- profiles
    void select(String profileId) {
        profiles.select(profileId);
    }

    void addProfile() {
        profiles.add();
    }

    void editProfile() {
        profiles.edit();
    }

    void saveProfile(ProfileForm form) {
        profiles.save(form);
    }

    void closeEditor() {
        profiles.closeEditor();
    }

    void deleteProfile() {
        profiles.delete();
    }

    void makeDefault() {
        profiles.makeDefault();
    }

    void exportToken() {
        profiles.chooseExport();
    }

    // --- login
    void login() {
        login.login();
    }

    void cancelLogin() {
        login.cancel();
    }

    void loginWithBrowser() {
        browserLogin.loginWithBrowser();
    }

    void pasteRedirectAddress() {
        browserLogin.pasteAddress();
    }

    void usePastedAddress(String pasted) {
        browserLogin.usePasted(pasted);
    }

    void openBrowserAgain() {
        browserLogin.openBrowserAgain();
    }

    void cancelBrowserLogin() {
        browserLogin.cancel();
    }

    void clearLoginCookies() {
        login.clearLoginCookies();
    }

    // --- the session
    void copyToken() {
        session.copy();
    }

    void verify() {
        session.verify();
    }

    void logout() {
        session.logout();
    }

    void setClipboardClear(int seconds) {
        session.setClipboardClear(seconds);
    }

    /** The button of an explanation. */
    void fix(FixAction action) {
        model.dismissExplanation();
        switch (action) {
            case RELOGIN -> login.login();
            case EDIT_SECRET -> editAt(MainModel.EditorField.API_SECRET);
            case EDIT_PROFILE -> editAt(MainModel.EditorField.API_KEY);
            case CHECK_LOGIN_DETAILS -> editAt(MainModel.EditorField.LOGIN_DETAILS);
            case EDIT_AFTER_LOGIN -> editAt(MainModel.EditorField.AFTER_LOGIN);
            case RETRY -> {
                if (model.retry == MainModel.Retry.VERIFY) session.verify();
                else login.login();
            }
            case FORGET_LOCALLY -> session.forgetLocally();
            case OPEN_KITE_RESET -> login.openKiteReset();
            case NONE -> { }
        }
    }

    private void editAt(MainModel.EditorField field) {
        profiles.edit();
        model.focusEditor(field);
    }

    void dismissExplanation() {
        model.dismissExplanation();
    }

    // --- help, preferences, the app
    void redirectHelp() {
        model.card.set(MainModel.Card.REDIRECT_HELP);
    }

    /** Done on the redirect-URL help: back to the new profile being written, else home. */
    void closeRedirectHelp() {
        ProfileDraft draft = model.draft.get();
        if (draft != null && !draft.saved()) model.card.set(MainModel.Card.EDIT_PROFILE);
        else model.showHome();
    }

    /**
     * Reads whether the OS's autostart entry is there, shows the dialog, then saves the settings
     * and writes or removes the entry as ticked; all the I/O off the FX thread.
     */
    void preferences() {
        tasks.create(autostart::isOn).onSuccess(on -> editPreferences(model.preferences.get().withStartAtLogin(on)))
                .onError(IOException.class, e -> editPreferences(model.preferences.get())).run();
    }

    private void editPreferences(Preferences current) {
        dialogs.editPreferences(current, model.trayProblem.get()).ifPresent(chosen -> tasks.create(() -> {
            sessions.savePreferences(chosen);
            // Rewritten while on: the launcher may have moved (an upgrade, a jar run from elsewhere).
            if (chosen.startAtLogin() || current.startAtLogin()) {
                try {
                    autostart.set(chosen.startAtLogin());
                } catch (IOException e) {
                    throw new AutostartFailure(e.getMessage());
                }
            }
            return chosen;
        }).onSuccess(model.preferences::set).onError(AutostartFailure.class, e -> {
            model.preferences.set(chosen.withStartAtLogin(!chosen.startAtLogin()));
            model.explain(new Explanation(ErrorLayer.LOCAL, chosen.startAtLogin() ? "Could not start the app at login"
                    : "Could not stop the app starting at login", e.getMessage(), List.of("Fix what the message says, "
                    + "then open Preferences and save again.", "The other preferences were saved."), FixAction.NONE, null));
        }).run());
    }

    /** The autostart entry could not be changed; its message says where and what to check. */
    private static final class AutostartFailure extends Exception {
        AutostartFailure(String message) {
            super(message, null, false, false);
        }
    }

    void about() {
        dialogs.showAbout(sessions.secretStore().describe());
    }

    void openLogsFolder() {
        dialogs.openLogsFolder();
    }

    void quit() {
        dialogs.quit();
    }
}
