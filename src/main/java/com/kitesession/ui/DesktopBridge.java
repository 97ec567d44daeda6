package com.kitesession.ui;

import com.kitesession.desktop.Autostart;
import com.kitesession.desktop.OsNotifier;
import com.kitesession.desktop.Tray;
import java.io.File;
import java.nio.file.Path;
import javafx.stage.Window;

/**
 * The desktop around the window: opening links and folders, where the logs are, and the OS's
 * notifications, its autostart entry and tray. The app supplies the real one; tests record what the window asked for.
 */
interface DesktopBridge {
    void browse(String uri);

    void openFolder(Path folder);

    Path logsFolder();

    OsNotifier notifier();

    /** The desktop's tray, where it has one (the icon with the countdown). */
    Tray tray();

    /** The OS's autostart entry for this copy (Preferences > Start at login). */
    Autostart autostart();

    /** The OS's save dialog for the token export file; null when the person cancels. */
    File chooseExportFile(Window owner);

    /** Ends the app (after the window saved its placement). */
    void quit();
}
