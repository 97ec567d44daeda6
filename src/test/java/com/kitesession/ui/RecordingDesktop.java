package com.kitesession.ui;

import com.kitesession.desktop.Autostart;
import com.kitesession.desktop.OsNotifier;
import com.kitesession.desktop.Tray;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.stage.Window;

/** The desktop as tests see it: every request the window made, in order. */
final class RecordingDesktop implements DesktopBridge {
    final List<String> requests = new CopyOnWriteArrayList<>();
    private final Path logs;
    final RecordingAutostart autostart = new RecordingAutostart();
    /** No tray unless a test gives the window one. */
    volatile FakeTray tray;

    RecordingDesktop(Path logs) {
        this.logs = logs;
    }

    @Override
    public void browse(String uri) {
        requests.add("browse " + uri);
    }

    @Override
    public void openFolder(Path folder) {
        requests.add("open " + folder);
    }

    @Override
    public Path logsFolder() {
        return logs;
    }

    @Override
    public Tray tray() {
        return tray;
    }

    @Override
    public Autostart autostart() {
        return autostart;
    }

    /** False: this desktop offers no notifications of its own ({@link OsNotifier#NONE}). */
    volatile boolean notifications = true;

    @Override
    public OsNotifier notifier() {
        if (!notifications) return OsNotifier.NONE;
        return new OsNotifier() {
            @Override
            public void notify(String title, String text) {
                requests.add("notify " + title + ": " + text);
            }

            @Override
            public String describe() {
                return "a test recorder";
            }
        };
    }

    /** What the save dialog "returns"; null = cancelled. */
    volatile File exportFile;

    @Override
    public File chooseExportFile(Window owner) {
        requests.add("choose export file");
        return exportFile;
    }

    @Override
    public void quit() {
        requests.add("quit");
    }
}
