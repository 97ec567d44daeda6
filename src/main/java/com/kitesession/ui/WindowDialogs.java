package com.kitesession.ui;

import com.kitesession.service.Preferences;
import java.io.File;
import java.util.Optional;

/**
 * What presenters ask of the desktop around the window: dialogs, the file chooser, the system
 * browser and folder, quitting. The window supplies it; presenter tests a scripted fake.
 */
interface WindowDialogs {
    /** Asks before a profile and its secrets are deleted; true to go on. */
    boolean confirmDelete(String profileName);

    Optional<File> chooseExportFile();

    /**
     * The Preferences dialog, filled with {@code current}; empty when cancelled. {@code trayProblem}:
     * why this desktop shows no tray icon, empty where it does.
     */
    Optional<Preferences> editPreferences(Preferences current, String trayProblem);

    /** About, with where secrets are kept. */
    void showAbout(String secretStore);

    void openLogsFolder();

    /** Opens an http(s) address in the system browser. */
    void browse(String url);

    void quit();
}
