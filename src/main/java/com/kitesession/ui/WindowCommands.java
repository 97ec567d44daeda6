package com.kitesession.ui;

import com.kitesession.explain.FixAction;
import com.kitesession.service.SessionService;
import com.kitesession.session.ProfileForm;

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

    WindowCommands(MainModel model, ProfilesPresenter profiles, LoginPresenter login, BrowserLoginPresenter browserLogin,
            SessionPresenter session, SessionService sessions, UiTasks tasks, WindowDialogs dialogs) {
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

    void preferences() {
        dialogs.editPreferences(model.preferences.get()).ifPresent(chosen -> tasks.create(() -> {
            sessions.savePreferences(chosen);
            return chosen;
        }).onSuccess(model.preferences::set).run());
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
