package com.kitesession.ui;

import com.kitesession.otp.Totp;
import com.kitesession.sim.DemoAccount;
import java.time.Instant;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * For the demo profile: the built-in simulator's login and its live 2FA code, so the person can
 * try the flow. It plays the person's phone, whose clock keeps trusted time: the code follows the
 * model's "now" (Kite's time as measured). The seconds the code has left are shown except beside
 * the session's dashboard, where the card then changes every 30 s instead of every second.
 */
final class DemoCard extends VBox {
    private final MainModel model;
    private final Label userId = new Label();
    private final Label password = new Label();
    private final Label code = new Label();

    DemoCard(MainModel model) {
        super(4);
        this.model = model;
        getStyleClass().add("demo-card");
        setId("demo-card");
        Label title = new Label("Demo login (built-in Kite simulator)");
        title.getStyleClass().add("demo-title");
        title.setWrapText(true);
        userId.setId("demo-user-id");
        password.setId("demo-password");
        code.setId("demo-code");
        code.getStyleClass().add("demo-code");
        getChildren().addAll(title, userId, password, code);
        model.demoProperty().addListener((obs, old, account) -> show(account));
        model.nowProperty().addListener(obs -> showCode());
        model.cardProperty().addListener(obs -> showCode());
        show(model.demoProperty().get());
    }

    private void show(DemoAccount account) {
        setVisible(account != null);
        setManaged(account != null);
        if (account == null) return;
        userId.setText("User ID: " + account.userId());
        password.setText("Password: " + account.password());
        showCode();
    }

    private void showCode() {
        DemoAccount account = model.demoProperty().get();
        if (account == null) return;
        Instant now = model.nowProperty().get();
        String words = "2FA code: " + Totp.code(account.totpSecretBase32(), now);
        // Beside the session's dashboard nobody types a code: the seconds would only repaint the card each second.
        if (model.cardProperty().get() == MainModel.Card.TOKEN) {
            code.setText(words);
            return;
        }
        long secondsLeft = 30 - now.getEpochSecond() % 30;
        code.setText(words + "  (" + secondsLeft + " s)");
    }
}
