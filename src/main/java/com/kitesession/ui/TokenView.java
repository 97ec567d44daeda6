package com.kitesession.ui;

import com.kitesession.kite.KiteTime;
import com.kitesession.perf.Milestones;
import com.kitesession.session.ActiveSession;
import com.kitesession.session.Countdown;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The logged-in view: whose session, the token (masked until revealed), the live countdown to
 * the 06:00 IST expiry, and Copy / Verify / Log in again. The countdown is recomputed from the
 * clock every second, so it stays right across sleep, and in any local time zone.
 */
final class TokenView extends VBox {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm:ss", Locale.ENGLISH);

    private final Clock clock;
    private final ZoneId localZone;
    private final Runnable onExpired;
    private final Label who = new Label();
    private final Label countdown = new Label();
    private final Label expires = new Label();
    private final Label loginTime = new Label();
    private final Label token = new Label();
    private final ToggleButton reveal = new ToggleButton("Reveal");
    private final Label status = new Label();
    private final Button copy = new Button("Copy token");
    private final Label countdownCaption = new Label();
    private final Timeline ticker;
    private final javafx.beans.property.BooleanProperty sessionShown = new javafx.beans.property.SimpleBooleanProperty();
    private ActiveSession session;

    /** What the buttons do; the window supplies it. */
    interface Actions {
        void copy(ActiveSession session);

        void verify();

        void relogin();

        void logout();

        void expired();

        void clipboardClearChanged(int seconds);
    }

    /** Choices for clearing the clipboard after Copy, in seconds; 0 = never. */
    private static final int[] CLEAR_CHOICES = {0, 30, 60, 300};

    TokenView(Clock clock, ZoneId localZone, Actions actions, int clipboardClearSeconds) {
        this.clock = clock;
        this.localZone = localZone;
        this.onExpired = actions::expired;
        getStyleClass().add("token-view");
        setId("token-view");
        who.setId("token-user");
        who.getStyleClass().add("who");
        countdown.setId("countdown");
        countdown.getStyleClass().add("countdown");
        expires.setId("token-expires");
        loginTime.setId("token-login-time");
        token.setId("token-value");
        token.getStyleClass().add("token");
        reveal.setId("token-reveal");
        status.setId("token-status");
        status.getStyleClass().add("status");
        status.setWrapText(true);

        countdownCaption.setId("countdown-caption");
        countdownCaption.getStyleClass().add("caption");
        copy.setId("copy-token");
        copy.getStyleClass().add("accent");
        copy.setOnAction(e -> {
            if (session != null) actions.copy(session);
        });
        Button verify = new Button("Verify session");
        verify.setId("verify-session");
        verify.setOnAction(e -> actions.verify());
        Button relogin = new Button("Log in again");
        relogin.setId("relogin");
        relogin.setOnAction(e -> actions.relogin());
        Button logout = new Button("Log out");
        logout.setId("logout");
        logout.setOnAction(e -> actions.logout());
        copy.setTooltip(new javafx.scene.control.Tooltip(MainMenu.withShortcut("Copy the access token", MainMenu.COPY_TOKEN)));
        verify.setTooltip(new javafx.scene.control.Tooltip(MainMenu.withShortcut("Ask Kite whether the token is still accepted", MainMenu.VERIFY)));
        relogin.setTooltip(new javafx.scene.control.Tooltip(MainMenu.withShortcut("Log in to Kite again", MainMenu.LOGIN)));
        logout.setTooltip(new javafx.scene.control.Tooltip(MainMenu.withShortcut("End the session on Kite", MainMenu.LOGOUT)));
        reveal.setOnAction(e -> showToken());

        ChoiceBox<Integer> clearAfter = new ChoiceBox<>();
        clearAfter.setId("clipboard-clear");
        for (int choice : CLEAR_CHOICES) clearAfter.getItems().add(choice);
        if (!clearAfter.getItems().contains(clipboardClearSeconds)) clearAfter.getItems().add(clipboardClearSeconds);
        clearAfter.setValue(clipboardClearSeconds);
        clearAfter.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer seconds) {
                return seconds == null || seconds == 0 ? "never" : seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
            }

            @Override
            public Integer fromString(String text) {
                return null; // choices only, never typed
            }
        });
        clearAfter.setOnAction(e -> actions.clipboardClearChanged(clearAfter.getValue()));
        Label clearCaption = caption("Clear the clipboard after");

        GridPane facts = new GridPane();
        facts.getStyleClass().add("facts");
        facts.addRow(0, caption("Expires"), expires);
        facts.addRow(1, caption("Logged in"), loginTime);
        facts.addRow(2, caption("Access token"), new HBox(8, token, reveal));

        // Buttons keep their words and wrap to a second row in a narrow window (800x600).
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(8, 8, copy, verify, relogin, logout);
        for (Node b : buttons.getChildren()) ((Button) b).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        expires.setWrapText(true);
        getChildren().addAll(who, countdown, countdownCaption, facts, buttons,
                clearRow(clearCaption, clearAfter), status);
        ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
    }

    void show(ActiveSession session) {
        this.session = session;
        sessionShown.set(true);
        who.setText(session.userId() + " \u00b7 " + session.userName());
        ZonedDateTime expiry = session.expiresAt();
        expires.setText(WHEN.format(expiry) + " IST\n" + WHEN.format(expiry.withZoneSameInstant(localZone)) + " your time ("
                + localZone.getId() + ")");
        loginTime.setText(WHEN.format(session.loginTime().atZone(KiteTime.IST)) + " IST");
        reveal.setSelected(false);
        showToken();
        status.setText("");
        tick();
        ticker.play();
        copy.requestFocus(); // the next thing a trader does; Enter or Space copies
        Milestones.mark("token.shown");
    }

    void stop() {
        ticker.stop();
        session = null;
        sessionShown.set(false);
    }

    /** True while a session is on show (Copy, Verify and Log out apply). */
    javafx.beans.property.ReadOnlyBooleanProperty sessionShownProperty() {
        return sessionShown;
    }

    void setStatus(String text) {
        status.setText(text);
    }

    ActiveSession session() {
        return session;
    }

    private void tick() {
        if (session == null) return;
        countdown.setText(Countdown.format(session.remaining(clock)));
        // The last half hour is worth a glance: colour plus the caption text, never colour alone.
        countdown.getStyleClass().remove("urgent");
        boolean urgent = session.remaining(clock).toMinutes() < 30;
        if (urgent) countdown.getStyleClass().add("urgent");
        countdownCaption.setText(urgent
                ? "\u26A0 left: the token dies at " + session.expiresAt().toLocalTime() + " IST; log in again after that"
                : "left until the token expires");
        if (session.isExpired(clock)) {
            ticker.stop();
            onExpired.run();
        }
    }

    private void showToken() {
        String value = session == null ? "" : session.accessToken();
        token.setText(reveal.isSelected() ? value : mask(value));
        reveal.setText(reveal.isSelected() ? "Hide" : "Reveal");
    }

    static String mask(String token) {
        if (token == null || token.isEmpty()) return "";
        int shown = Math.min(4, token.length() / 4);
        return "\u2022".repeat(12) + token.substring(token.length() - shown);
    }

    private static HBox clearRow(Label caption, ChoiceBox<Integer> choice) {
        HBox row = new HBox(8, caption, choice);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("caption");
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never "..." for a caption
        return label;
    }
}
