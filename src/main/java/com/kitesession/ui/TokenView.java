package com.kitesession.ui;

import static com.kitesession.ui.Controls.button;

import com.kitesession.clock.ClockOffsets;
import com.kitesession.kite.KiteTime;
import com.kitesession.perf.Milestones;
import com.kitesession.service.ProfileStatus;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.Countdown;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The session dashboard: what a trader checks in the morning. Whose session and its state, the
 * countdown to the 06:00 IST expiry, Copy / Verify / Log in again / Log out, and the facts:
 * expiry, login, the token (masked until revealed), the last liveness check, where the token was
 * handed, the next reminder and the clock. Everything follows the model's one "now".
 */
final class TokenView extends VBox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm:ss", Locale.ENGLISH);
    /** Choices for clearing the clipboard after Copy, in seconds; 0 = never. */
    private static final int[] CLEAR_CHOICES = {0, 30, 60, 300};

    private final MainModel model;
    private final ZoneId localZone;
    private final Label who = label("token-user", "who");
    private final Label state = label("token-state", "token-state");
    private final Label countdown = label("countdown", "countdown");
    private final Label countdownCaption = label("countdown-caption", "caption");
    private final Label expires = label("token-expires", null);
    private final Label loginTime = label("token-login-time", null);
    private final Label token = label("token-value", "token");
    private final ToggleButton reveal = new ToggleButton("Reveal");
    private final Label lastCheck = label("token-last-check", null);
    private final Label handover = label("token-handover", null);
    private final Label afterLogin = label("token-after-login", null);
    private final Label nextReminder = label("token-next-reminder", null);
    private final ClockStatusLine clock;
    private final Button copy = new Button("Copy token");

    TokenView(MainModel model, WindowCommands commands, ClockOffsets offsets, ZoneId localZone, int clipboardClearSeconds) {
        this.model = model;
        this.localZone = localZone;
        this.clock = new ClockStatusLine(offsets, "token-clock");
        clock.getStyleClass().setAll("label", "token-clock");
        getStyleClass().add("token-view");
        setId("token-view");
        reveal.setId("token-reveal");
        reveal.setOnAction(e -> showToken());
        copy.setId("copy-token");
        copy.getStyleClass().add("accent");
        copy.setOnAction(e -> commands.copyToken());
        Button verify = button("Verify session", "verify-session", commands::verify);
        Button relogin = button("Log in again", "relogin", commands::login);
        Button logout = button("Log out", "logout", commands::logout);
        copy.setTooltip(new Tooltip(MainMenu.withShortcut("Copy the access token", MainMenu.COPY_TOKEN)));
        verify.setTooltip(new Tooltip(MainMenu.withShortcut("Ask Kite whether the token is still accepted", MainMenu.VERIFY)));
        relogin.setTooltip(new Tooltip(MainMenu.withShortcut("Log in to Kite again", MainMenu.LOGIN)));
        logout.setTooltip(new Tooltip(MainMenu.withShortcut("End the session on Kite", MainMenu.LOGOUT)));
        // Buttons keep their words and wrap to a second row in a narrow window (800x600).
        FlowPane buttons = new FlowPane(8, 8, copy, verify, relogin, logout);
        for (Node b : buttons.getChildren()) ((Button) b).setMinWidth(Region.USE_PREF_SIZE);

        GridPane facts = new GridPane();
        facts.getStyleClass().add("facts");
        facts.addRow(0, caption("Expires"), expires);
        facts.addRow(1, caption("Logged in"), loginTime);
        facts.addRow(2, caption("Access token"), new HBox(8, token, reveal));
        facts.addRow(3, caption("Last check"), lastCheck);
        facts.addRow(4, caption("Handed to"), handover);
        facts.addRow(5, caption("After login"), afterLogin);
        facts.addRow(6, caption("Next reminder"), nextReminder);
        facts.addRow(7, caption("Clock"), clock);
        facts.addRow(8, caption("Clear the clipboard after"), clearChoice(commands, clipboardClearSeconds));

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(12, who, gap, state);
        head.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(head, countdown, countdownCaption, buttons,
                new NoticeLabel("token-status", model.sessionStatusProperty()), facts);

        model.sessionProperty().addListener((obs, old, shown) -> show(shown));
        InvalidationListener refresh = obs -> refresh();
        model.nowProperty().addListener(refresh);
        model.handoverProperty().addListener(refresh);
        model.rows().addListener(refresh);
        model.selectedIdProperty().addListener(refresh);
        show(model.sessionProperty().get());
    }

    private void show(ActiveSession session) {
        if (session == null) return;
        who.setText(session.userId() + " \u00b7 " + session.userName());
        ZonedDateTime expiry = session.expiresAt();
        expires.setText(WHEN.format(expiry) + " IST\n" + WHEN.format(expiry.withZoneSameInstant(localZone)) + " your time ("
                + localZone.getId() + ")");
        loginTime.setText(WHEN.format(session.loginTime().atZone(KiteTime.IST)) + " IST");
        reveal.setSelected(false);
        showToken();
        refresh();
        copy.requestFocus(); // the next thing a trader does; Enter or Space copies
        Milestones.mark("token.shown");
    }

    /**
     * Each second, and when what the facts come from changes. Labels set to what they already
     * show change nothing (no layout, no repaint): with more than an hour left the countdown is in
     * minutes, so the dashboard changes once a minute; in the last hour, its seconds each second.
     */
    private void refresh() {
        ActiveSession session = model.sessionProperty().get();
        if (session == null) return;
        Instant now = model.nowProperty().get();
        Duration left = session.remaining(now);
        countdown.setText(Countdown.toTheSecondInTheLastHour(left));
        // The last half hour is worth a glance: colour plus the caption text, never colour alone.
        boolean urgent = left.toMinutes() < 30;
        Controls.styleOf(countdown, "urgent"::equals, urgent ? "urgent" : null);
        countdownCaption.setText(urgent
                ? "\u26A0 left: the token dies at " + session.expiresAt().toLocalTime() + " IST; log in again after that"
                : "left until the token expires");
        Optional<ProfileStatus> row = model.selectedRow();
        state.setText(DashboardFacts.state(row, now));
        Controls.styleOf(state, Controls.startingWith("state-"), DashboardFacts.style(DashboardFacts.stateOf(row, now)));
        lastCheck.setText(DashboardFacts.lastCheck(row, now));
        handover.setText(String.join("\n", DashboardFacts.handover(model.handoverProperty().get(), now)));
        afterLogin.setText(DashboardFacts.afterLogin(model.handoverProperty().get()));
        nextReminder.setText(DashboardFacts.nextReminder(
                model.preferencesProperty().get().reminders().next(now, model.rows()), now));
        clock.refresh();
    }

    private void showToken() {
        ActiveSession session = model.sessionProperty().get();
        String value = session == null ? "" : session.accessToken();
        token.setText(reveal.isSelected() ? value : mask(value));
        reveal.setText(reveal.isSelected() ? "Hide" : "Reveal");
    }

    /** The session on show (tests read it). */
    ActiveSession session() {
        return model.sessionProperty().get();
    }

    static String mask(String token) {
        if (token == null || token.isEmpty()) return "";
        int shown = Math.min(4, token.length() / 4);
        return "\u2022".repeat(12) + token.substring(token.length() - shown);
    }

    private static ChoiceBox<Integer> clearChoice(WindowCommands commands, int clipboardClearSeconds) {
        ChoiceBox<Integer> clearAfter = new ChoiceBox<>();
        clearAfter.setId("clipboard-clear");
        for (int choice : CLEAR_CHOICES) clearAfter.getItems().add(choice);
        if (!clearAfter.getItems().contains(clipboardClearSeconds)) clearAfter.getItems().add(clipboardClearSeconds);
        clearAfter.setValue(clipboardClearSeconds);
        clearAfter.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer seconds) {
                return seconds == null || seconds == 0 ? "never" : seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
            }

            @Override
            public Integer fromString(String text) {
                return null; // choices only, never typed
            }
        });
        clearAfter.setOnAction(e -> commands.setClipboardClear(clearAfter.getValue()));
        return clearAfter;
    }

    private static Label label(String id, String style) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        if (style != null) label.getStyleClass().add(style);
        return label;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("caption");
        label.setMinWidth(Region.USE_PREF_SIZE); // never "..." for a caption
        return label;
    }
}
