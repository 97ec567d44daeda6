package com.kitesession.ui;

import com.kitesession.otp.Totp;
import com.kitesession.sim.DemoAccount;
import java.time.Instant;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The selected profile's form (name, api_key, api_secret, registered redirect URL, Kite user
 * id) with Save and Log in, and for the demo profile a card with the simulator's login and its
 * live 2FA code so the person can try the flow.
 */
final class ProfilePanel extends VBox {
    final TextField name = new TextField();
    final TextField apiKey = new TextField();
    final PasswordField apiSecret = new PasswordField();
    final TextField redirectUrl = new TextField();
    final TextField userId = new TextField();
    final Button login = new Button("Log in to Kite");
    final Button save = new Button("Save");
    final Button export = new Button("Export token to a file\u2026");
    final Label exportInfo = new Label();
    final Label problem = new Label();
    /** Opens the redirect-URL help page. */
    final javafx.scene.control.Hyperlink redirectHelp = new javafx.scene.control.Hyperlink("What is this?");
    /** Problems with the typed redirect URL, as it is typed. */
    final Label redirectCheck = new Label();
    final javafx.scene.control.CheckBox oneClick = new javafx.scene.control.CheckBox("One-click login: remember my Kite password and TOTP secret");
    final PasswordField kitePassword = new PasswordField();
    final PasswordField totpSecret = new PasswordField();
    private final VBox oneClickFields = new VBox(6);
    private final Label secretNote = new Label();
    private final VBox demoCard = new VBox(4);
    private final Label demoCode = new Label();
    private final Supplier<Instant> phoneTime;
    private final Timeline codeTicker;
    private DemoAccount demo;
    private boolean secretStored;

    /** {@code phoneTime}: the demo card plays the person's phone, whose clock keeps trusted time. */
    ProfilePanel(Supplier<Instant> phoneTime) {
        this.phoneTime = phoneTime;
        getStyleClass().add("profile-panel");
        name.setId("profile-name-field");
        apiKey.setId("api-key");
        apiKey.setPromptText("api_key");
        apiSecret.setId("api-secret");
        redirectUrl.setId("redirect-url");
        redirectUrl.setPromptText("http://127.0.0.1/kite-redirect");
        redirectHelp.setId("redirect-help-link");
        redirectCheck.setId("redirect-url-check");
        redirectCheck.setWrapText(true);
        redirectCheck.getStyleClass().add("caption");
        redirectUrl.textProperty().addListener((obs, old, typed) -> showRedirectCheck(typed));
        userId.setId("kite-user-id");
        userId.setPromptText("optional, e.g. AB1234");
        login.setId("login");
        // Not the default button: Enter in the Kite page (submitting its form) would also fire it
        // and restart the login under the person's feet.
        login.getStyleClass().addAll("accent", "login-button");
        login.setMaxWidth(Double.MAX_VALUE);
        save.setId("save-profile");
        export.setId("export-token");
        exportInfo.setId("export-info");
        exportInfo.getStyleClass().add("caption");
        exportInfo.setWrapText(true);
        problem.setId("profile-problem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        secretNote.getStyleClass().add("caption");
        secretNote.setWrapText(true);
        demoCard.getStyleClass().add("demo-card");
        demoCard.setId("demo-card");
        demoCode.setId("demo-code");
        demoCode.getStyleClass().add("demo-code");

        oneClick.setId("one-click");
        oneClick.setWrapText(true);
        kitePassword.setId("kite-password");
        totpSecret.setId("totp-secret");
        totpSecret.setPromptText("base32 key or otpauth:// link");
        Label oneClickNote = new Label("Opt-in. Kept in the same secret store as the api_secret. The app fills the Kite"
                + " page and you press the button: Zerodha requires a person to log in at least once a day.");
        oneClickNote.getStyleClass().add("caption");
        oneClickNote.setWrapText(true);
        oneClickFields.getChildren().addAll(field("Kite password", kitePassword),
                field("TOTP secret (as shown when enabling external TOTP)", totpSecret), oneClickNote);
        oneClickFields.visibleProperty().bind(oneClick.selectedProperty());
        oneClickFields.managedProperty().bind(oneClick.selectedProperty());

        Label details = new Label("Profile details");
        details.getStyleClass().add("section-title");
        // The one-click path first: Log in sits right under the list; the details follow.
        getChildren().addAll(login, problem, demoCard, details,
                field("Name", name), field("API key", apiKey), field("API secret", apiSecret), secretNote,
                redirectField(), field("Kite user ID", userId),
                oneClick, oneClickFields, new HBox(6, save), export, exportInfo);
        codeTicker = new Timeline(new KeyFrame(Duration.seconds(1), e -> showDemoCode()));
        codeTicker.setCycleCount(Timeline.INDEFINITE);
        showDemo(null);
    }

    /** Fills the form; {@code secretStoredIn} says where the api_secret is kept, or null if none is stored. */
    void fill(com.kitesession.session.KiteProfile profile, String secretStoredIn, boolean loginSecretsStored) {
        secretStored = secretStoredIn != null;
        name.setText(profile.name());
        apiKey.setText(profile.apiKey());
        redirectUrl.setText(profile.redirectUrl());
        userId.setText(profile.userId() == null ? "" : profile.userId());
        apiSecret.clear();
        kitePassword.clear();
        totpSecret.clear();
        oneClick.setSelected(loginSecretsStored);
        String kept = loginSecretsStored ? "saved; type to replace" : "";
        kitePassword.setPromptText(kept);
        if (loginSecretsStored) totpSecret.setPromptText(kept);
        else totpSecret.setPromptText("base32 key or otpauth:// link");
        apiSecret.setPromptText(secretStoredIn != null ? "saved; type to replace" : "api_secret");
        secretNote.setText(secretStoredIn != null
                ? "The api_secret is kept in " + secretStoredIn + ", never in the settings file or logs."
                : "Enter the api_secret once; it is kept in the system keychain (or the encrypted file), never in logs.");
        boolean editable = !profile.isDemo();
        for (Node n : new Node[] {name, apiKey, apiSecret, redirectUrl, userId, export}) n.setDisable(!editable);
        // The demo's app is fixed, but one-click can be switched off to try typing (and mistyping) the code.
        oneClick.setDisable(false);
        save.setDisable(false);
        showProblem("");
    }

    /** Shows the demo card with the simulator's login, or hides it ({@code null}). */
    void showDemo(DemoAccount account) {
        this.demo = account;
        demoCard.getChildren().clear();
        demoCard.setVisible(account != null);
        demoCard.setManaged(account != null);
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

    /** Whether the profile in the form already has an api_secret in the secret store. */
    boolean secretStored() {
        return secretStored;
    }

    void showProblem(String text) {
        problem.setText(text == null ? "" : text);
    }

    private void showDemoCode() {
        if (demo == null) return;
        Instant now = phoneTime.get();
        long secondsLeft = 30 - now.getEpochSecond() % 30;
        demoCode.setText("2FA code: " + Totp.code(demo.totpSecretBase32(), now) + "  (" + secondsLeft + " s)");
    }

    /** Only problems show under the field; the help page says what a good address will catch. */
    private void showRedirectCheck(String typed) {
        boolean fine = typed == null || typed.isBlank()
                || com.kitesession.session.RedirectUrlCheck.check(typed).verdict()
                        == com.kitesession.session.RedirectUrlCheck.Verdict.OK;
        redirectCheck.setVisible(!fine);
        redirectCheck.setManaged(!fine);
        if (!fine) RedirectHelpView.showCheck(redirectCheck, typed);
    }

    private VBox redirectField() {
        Label label = new Label("Redirect URL (as registered)");
        label.getStyleClass().add("caption");
        label.setLabelFor(redirectUrl);
        redirectHelp.getStyleClass().add("caption");
        HBox caption = new HBox(4, label, redirectHelp);
        caption.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        showRedirectCheck(redirectUrl.getText());
        return new VBox(2, caption, redirectUrl, redirectCheck);
    }

    private static VBox field(String caption, Node input) {
        Label label = new Label(caption);
        label.getStyleClass().add("caption");
        label.setLabelFor(input);
        return new VBox(2, label, input);
    }
}
