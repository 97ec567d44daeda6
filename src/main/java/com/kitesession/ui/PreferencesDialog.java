package com.kitesession.ui;

import com.kitesession.service.Preferences;
import com.kitesession.service.Reminders;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The few things a person tunes: when the pre-market reminder comes (IST, Monday to Friday, or
 * never), how often live sessions are checked, and whether reminders reach the OS's
 * notifications while the window is hidden, whether it starts at login, and whether it keeps an
 * icon in the tray (greyed out, saying why, where the desktop has none). OK stays off while the
 * time cannot be read.
 */
final class PreferencesDialog extends Dialog<Preferences> {
    final CheckBox remind = new CheckBox("Remind me on trading days (Mon\u2013Fri) when no session is live, at");
    final TextField time = new TextField();
    final Spinner<Integer> liveness = new Spinner<>(Preferences.MIN_LIVENESS_MINUTES, Preferences.MAX_LIVENESS_MINUTES, 5);
    final ChoiceBox<Preferences.Theme> theme = new ChoiceBox<>();
    final CheckBox osNotifications = new CheckBox("When the window is hidden, also show reminders as desktop notifications");
    final CheckBox startAtLogin = new CheckBox("Start at login (minimised)");
    final CheckBox trayIcon = new CheckBox("Show an icon in the system tray with the countdown;"
            + " closing the window keeps the app running there");
    private final Label problem = new Label();

    PreferencesDialog(Window owner, Preferences current, String notifierName, String autostartWhere,
            String trayProblem) {
        initOwner(owner);
        setTitle("Preferences");
        setHeaderText("Reminders, checks and appearance");
        getDialogPane().setId("preferences");
        remind.setId("pref-remind");
        time.setId("pref-remind-time");
        time.setPrefColumnCount(5);
        liveness.setId("pref-liveness");
        liveness.setEditable(true);
        osNotifications.setId("pref-os-notifications");
        problem.getStyleClass().add("problem");
        problem.setId("pref-problem");

        remind.setSelected(current.preMarketReminder().isPresent());
        time.setText(current.preMarketReminder().orElse(Reminders.PRE_MARKET)
                .format(DateTimeFormatter.ofPattern("HH:mm")));
        time.disableProperty().bind(remind.selectedProperty().not());
        liveness.getValueFactory().setValue(current.livenessMinutes());
        osNotifications.setSelected(current.osNotifications());
        startAtLogin.setId("pref-start-at-login");
        startAtLogin.setSelected(current.startAtLogin());
        trayIcon.setId("pref-tray-icon");
        trayIcon.setWrapText(true);
        trayIcon.setSelected(current.trayIcon());
        trayIcon.setDisable(!trayProblem.isEmpty());
        theme.setId("pref-theme");
        theme.getItems().setAll(Preferences.Theme.values());
        theme.setValue(current.theme());
        theme.setConverter(new StringConverter<>() {
            @Override
            public String toString(Preferences.Theme t) {
                return t == null ? "" : switch (t) {
                    case SYSTEM -> "As the desktop is set";
                    case LIGHT -> "Light";
                    case DARK -> "Dark";
                };
            }

            @Override
            public Preferences.Theme fromString(String s) {
                return null; // chosen, never typed
            }
        });
        HBox themeRow = new HBox(6, new Label("Appearance"), theme);
        themeRow.setAlignment(Pos.CENTER_LEFT);

        Label ist = new Label("IST");
        HBox reminderRow = new HBox(6, remind, time, ist);
        reminderRow.setAlignment(Pos.CENTER_LEFT);
        Label reminderNote = caption("The market opens at 09:15 IST; the default 08:45 leaves time to log in.");
        HBox livenessRow = new HBox(6, new Label("Check that live sessions are still accepted every"), liveness,
                new Label("minutes"));
        livenessRow.setAlignment(Pos.CENTER_LEFT);
        Label notifierNote = caption("On this computer: " + notifierName + ".");
        Label startNote = caption("Adds this app to the programs your computer starts when you log in"
                + " (autostart entry: " + autostartWhere + "), its window minimised"
                + (trayProblem.isEmpty() ? " (hidden in the tray, with the icon on)." : "."));
        Label trayNote = caption(trayProblem.isEmpty() ? "Quit from the icon's menu or File > Quit." : trayProblem);
        trayNote.setId("pref-tray-note");
        VBox content = new VBox(10, reminderRow, reminderNote, livenessRow, osNotifications, notifierNote, themeRow,
                startAtLogin, startNote, trayIcon, trayNote, problem);
        content.setPrefWidth(600);
        getDialogPane().setContent(content);

        ButtonType ok = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        var okButton = getDialogPane().lookupButton(ok);
        okButton.setId("pref-save");
        Runnable validate = () -> {
            boolean bad = remind.isSelected() && Preferences.parseTime(time.getText()).isEmpty();
            problem.setText(bad ? "Type the time as HH:mm, e.g. 08:45." : "");
            okButton.setDisable(bad);
        };
        time.textProperty().addListener((o, a, b) -> validate.run());
        remind.selectedProperty().addListener((o, a, b) -> validate.run());
        validate.run();
        setResultConverter(button -> button != ok ? null : new Preferences(
                remind.isSelected() ? Preferences.parseTime(time.getText()) : Optional.empty(),
                liveness.getValue(), osNotifications.isSelected(), theme.getValue(), startAtLogin.isSelected(),
                // Greyed out, it keeps the saved choice for a desktop that has a tray.
                trayIcon.isSelected()));
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("caption");
        label.setWrapText(true);
        return label;
    }
}
