package com.kitesession.ui;

import com.kitesession.otp.Totp;
import com.kitesession.sim.DemoAccount;
import java.time.Clock;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The profile form (api_key, api_secret, registered redirect URL) and, for the demo profile,
 * a card with the simulator's login and its live 2FA code so the person can try the flow.
 */
final class ProfilePanel extends VBox {
    final Label profileName = new Label();
    final TextField apiKey = new TextField();
    final PasswordField apiSecret = new PasswordField();
    final TextField redirectUrl = new TextField();
    final Button login = new Button("Log in to Kite");
    final Button save = new Button("Use these for my Kite app");
    final Button useDemo = new Button("Use the built-in demo");
    final Label problem = new Label();
    private final VBox demoCard = new VBox(4);
    private final Label demoCode = new Label();
    private final Clock clock;
    private final Timeline codeTicker;
    private DemoAccount demo;

    ProfilePanel(Clock clock) {
        this.clock = clock;
        getStyleClass().add("profile-panel");
        profileName.getStyleClass().add("profile-name");
        profileName.setWrapText(true);
        profileName.setId("profile-name");
        apiKey.setId("api-key");
        apiKey.setPromptText("api_key");
        apiSecret.setId("api-secret");
        apiSecret.setPromptText("api_secret");
        apiSecret.setTooltip(new Tooltip("Kept in memory for this run only; never written to disk or logs."));
        redirectUrl.setId("redirect-url");
        redirectUrl.setPromptText("http://127.0.0.1/kite-redirect");
        login.setId("login");
        login.getStyleClass().addAll("accent", "login-button");
        login.setMaxWidth(Double.MAX_VALUE);
        // Not the default button: Enter in the Kite page (submitting its form) would also fire it
        // and restart the login under the person's feet.
        save.setId("save-profile");
        useDemo.setId("use-demo");
        problem.setId("profile-problem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        demoCard.getStyleClass().add("demo-card");
        demoCard.setId("demo-card");
        demoCode.setId("demo-code");
        demoCode.getStyleClass().add("demo-code");

        Label secretNote = new Label("The api_secret stays in memory for this run; it is never saved or logged.");
        secretNote.getStyleClass().add("caption");
        secretNote.setWrapText(true);
        getChildren().addAll(profileName,
                field("API key", apiKey), field("API secret", apiSecret), secretNote,
                field("Redirect URL (as registered)", redirectUrl),
                problem, login, demoCard, save, useDemo);
        codeTicker = new Timeline(new KeyFrame(Duration.seconds(1), e -> showDemoCode()));
        codeTicker.setCycleCount(Timeline.INDEFINITE);
        showDemo(null);
    }

    /** Shows the demo card with the simulator's login, or hides it ({@code null}). */
    void showDemo(DemoAccount account) {
        this.demo = account;
        demoCard.getChildren().clear();
        demoCard.setVisible(account != null);
        demoCard.setManaged(account != null);
        useDemo.setVisible(account == null);
        useDemo.setManaged(account == null);
        if (account == null) {
            codeTicker.stop();
            return;
        }
        Label title = new Label("Demo login (built-in Kite simulator)");
        title.getStyleClass().add("demo-title");
        title.setWrapText(true);
        Label id = new Label("User ID: " + account.userId());
        id.setId("demo-user-id");
        Label password = new Label("Password: " + account.password());
        password.setId("demo-password");
        demoCard.getChildren().addAll(title, id, password, demoCode);
        showDemoCode();
        codeTicker.play();
    }

    void showProblem(String text) {
        problem.setText(text == null ? "" : text);
    }

    private void showDemoCode() {
        if (demo == null) return;
        long secondsLeft = 30 - clock.instant().getEpochSecond() % 30;
        demoCode.setText("2FA code: " + Totp.code(demo.totpSecretBase32(), clock.instant()) + "  (" + secondsLeft + " s)");
    }

    private static VBox field(String caption, javafx.scene.Node input) {
        Label label = new Label(caption);
        label.getStyleClass().add("caption");
        label.setLabelFor(input);
        return new VBox(2, label, input);
    }
}
