package com.kitesession.ui;

import com.kitesession.desktop.Autostart;
import com.kitesession.desktop.AwtTray;
import com.kitesession.desktop.OsNotifier;
import com.kitesession.desktop.SystemBrowser;
import com.kitesession.desktop.Tray;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.HostServices;
import javafx.application.Platform;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The real desktop: the OS's browser and file manager, its notifications and tray, and quitting the app. */
final class SystemDesktop implements DesktopBridge {
    private final HostServices host;
    private final SystemBrowser browser;
    private final Path logsFolder;
    private final OsNotifier notifier;
    private final Runnable quit;
    private final Autostart autostart = Autostart.forThisMachine();
    private final Tray tray = new AwtTray(System.getProperty("os.name", ""));

    SystemDesktop(HostServices host, SystemBrowser browser, Path logsFolder, OsNotifier notifier, Runnable quit) {
        this.host = host;
        this.browser = browser;
        this.logsFolder = logsFolder;
        this.notifier = notifier;
        this.quit = quit;
    }

    @Override
    public void browse(String uri) {
        // $BROWSER, xdg-open, open or rundll32 first: GTK's handler behind HostServices fails where the
        // desktop registered no URI handler ("Operation not supported" under a bare window manager),
        // and says so only on the console. Started off the FX thread; HostServices is the fallback.
        Thread opener = new Thread(() -> {
            if (!browser.open(uri).started()) Platform.runLater(() -> host.showDocument(uri));
        }, "open-browser");
        opener.setDaemon(true);
        opener.start();
    }

    /** The file manager at {@code folder}: HostServices opens web pages reliably, folders less so. */
    @Override
    public void openFolder(Path folder) {
        try {
            Files.createDirectories(folder);
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            List<String> command = os.contains("win") ? List.of("explorer.exe", folder.toString())
                    : os.contains("mac") ? List.of("open", folder.toString())
                    : List.of("xdg-open", folder.toString());
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            host.showDocument(folder.toUri().toString());
        }
    }

    @Override
    public Path logsFolder() {
        return logsFolder;
    }

    @Override
    public OsNotifier notifier() {
        return notifier;
    }

    @Override
    public Tray tray() {
        return tray;
    }

    @Override
    public Autostart autostart() {
        return autostart;
    }

    @Override
    public File chooseExportFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Write the token to this file on each login");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JSON", "*.json"),
                new FileChooser.ExtensionFilter(".env fragment", "*.env"));
        chooser.setInitialFileName("kite-token.json");
        return chooser.showSaveDialog(owner);
    }

    @Override
    public void quit() {
        quit.run();
    }
}
