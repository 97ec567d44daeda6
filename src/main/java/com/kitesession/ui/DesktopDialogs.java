package com.kitesession.ui;

import com.kitesession.service.Preferences;
import java.io.File;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** {@link WindowDialogs} on the desktop: JavaFX dialogs owned by the window, and the {@link DesktopBridge}. */
final class DesktopDialogs implements WindowDialogs {
    private final DesktopBridge desktop;
    private final Supplier<Window> owner;

    /** {@code owner}: the window's stage once it is shown (dialogs sit on top of it). */
    DesktopDialogs(DesktopBridge desktop, Supplier<Window> owner) {
        this.desktop = desktop;
        this.owner = owner;
    }

    @Override
    public boolean confirmDelete(String profileName) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "Delete \u201c" + profileName + "\u201d? Its api_secret and any saved token are removed from this"
                        + " computer. The Kite app itself is not touched.", ButtonType.CANCEL, ButtonType.OK);
        confirm.setHeaderText("Delete this profile?");
        confirm.initOwner(owner.get());
        return confirm.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    @Override
    public Optional<File> chooseExportFile() {
        return Optional.ofNullable(desktop.chooseExportFile(owner.get()));
    }

    @Override
    public Optional<Preferences> editPreferences(Preferences current, String trayProblem) {
        return new PreferencesDialog(owner.get(), current, desktop.notifier().describe(),
                desktop.autostart().where(), trayProblem).showAndWait();
    }

    @Override
    public void showAbout(String secretStore) {
        new AboutDialog(owner.get(), desktop, secretStore).show();
    }

    @Override
    public void openLogsFolder() {
        desktop.openFolder(desktop.logsFolder());
    }

    @Override
    public void browse(String url) {
        desktop.browse(url);
    }

    @Override
    public void quit() {
        desktop.quit();
    }
}
