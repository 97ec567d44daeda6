package com.kitesession.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/**
 * The menu bar (File / Profile / Session / Help) with the app's keyboard shortcuts. The
 * shortcuts live here as accelerators, so they work wherever the focus is, and the same
 * combinations are shown in the buttons' tooltips ({@link #LOGIN} and friends).
 */
final class MainMenu extends MenuBar {
    static final KeyCombination LOGIN = KeyCombination.keyCombination("Shortcut+L");
    static final KeyCombination LOGIN_BROWSER = KeyCombination.keyCombination("Shortcut+Shift+B");
    static final KeyCombination COPY_TOKEN = KeyCombination.keyCombination("Shortcut+Shift+C");
    static final KeyCombination VERIFY = KeyCombination.keyCombination("Shortcut+R");
    static final KeyCombination LOGOUT = KeyCombination.keyCombination("Shortcut+Shift+L");
    static final KeyCombination ADD_PROFILE = KeyCombination.keyCombination("Shortcut+N");
    static final KeyCombination PREFERENCES = KeyCombination.keyCombination("Shortcut+Comma");
    static final KeyCombination QUIT = KeyCombination.keyCombination("Shortcut+Q");

    /** Items apply as the model says: Profile items to a saved profile, Session items to a shown session. */
    MainMenu(WindowCommands commands, MainModel model) {
        ObservableBooleanValue canLogin = model.canLoginProperty();
        ObservableBooleanValue profileSelected = model.savedProfileSelectedProperty();
        ObservableBooleanValue sessionShown = Bindings.and(model.sessionProperty().isNotNull(),
                Bindings.equal(MainModel.Card.TOKEN, model.cardProperty()));
        setId("menu-bar");
        // On macOS the bar belongs at the top of the screen, as every Mac app's does.
        setUseSystemMenuBar(true);
        MenuItem preferences = item("Preferences\u2026", "menu-preferences", PREFERENCES, commands::preferences);
        MenuItem logs = item("Open logs folder", "menu-open-logs", null, commands::openLogsFolder);
        MenuItem quit = item("Quit", "menu-quit", QUIT, commands::quit);
        Menu file = new Menu("_File", null, preferences, logs, new SeparatorMenuItem(), quit);

        MenuItem add = item("Add profile\u2026", "menu-add-profile", ADD_PROFILE, commands::addProfile);
        MenuItem edit = item("Edit profile", "menu-edit-profile", null, commands::editProfile);
        edit.disableProperty().bind(model.draftProperty().isNull());
        MenuItem makeDefault = item("Make default", "menu-make-default", null, commands::makeDefault);
        MenuItem export = item("Export token to a file\u2026", "menu-export", null, commands::exportToken);
        MenuItem delete = item("Delete profile\u2026", "menu-delete-profile", null, commands::deleteProfile);
        makeDefault.disableProperty().bind(not(profileSelected));
        export.disableProperty().bind(not(profileSelected));
        delete.disableProperty().bind(not(profileSelected));
        Menu profile = new Menu("_Profile", null, add, edit, new SeparatorMenuItem(), makeDefault, export, delete);

        MenuItem login = item("Log in to Kite", "menu-login", LOGIN, commands::login);
        MenuItem loginBrowser = item("Log in with my browser", "menu-login-browser", LOGIN_BROWSER,
                commands::loginWithBrowser);
        MenuItem paste = item("Paste redirect address\u2026", "menu-paste-redirect", null, commands::pasteRedirectAddress);
        MenuItem copy = item("Copy token", "menu-copy-token", COPY_TOKEN, commands::copyToken);
        MenuItem verify = item("Verify session", "menu-verify", VERIFY, commands::verify);
        MenuItem logout = item("Log out", "menu-logout", LOGOUT, commands::logout);
        login.disableProperty().bind(not(canLogin));
        loginBrowser.disableProperty().bind(not(canLogin));
        paste.disableProperty().bind(not(canLogin));
        copy.disableProperty().bind(not(sessionShown));
        verify.disableProperty().bind(not(sessionShown));
        logout.disableProperty().bind(not(sessionShown));
        MenuItem clearCookies = item("Clear login cookies", "menu-clear-cookies", null, commands::clearLoginCookies);
        Menu session = new Menu("_Session", null, login, loginBrowser, paste, new SeparatorMenuItem(), copy, verify, logout, new SeparatorMenuItem(), clearCookies);

        MenuItem redirect = item("Redirect URL help", "menu-redirect-help", null, commands::redirectHelp);
        MenuItem about = item("About Kite Session Manager", "menu-about", null, commands::about);
        Menu help = new Menu("_Help", null, redirect, new SeparatorMenuItem(), about);
        getMenus().addAll(file, profile, session, help);
    }

    /** "Log in to Kite (Ctrl+L)": the shortcut as this OS writes it. */
    static String withShortcut(String text, KeyCombination shortcut) {
        return text + " (" + shortcut.getDisplayText() + ")";
    }

    private static MenuItem item(String text, String id, KeyCombination shortcut, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        if (shortcut != null) item.setAccelerator(shortcut);
        item.setOnAction(e -> action.run());
        return item;
    }

    private static BooleanBinding not(ObservableBooleanValue value) {
        return Bindings.createBooleanBinding(() -> !value.get(), value);
    }
}
