package com.kitesession.ui;

import static com.kitesession.ui.Controls.button;
import static com.kitesession.ui.Controls.caption;

import com.kitesession.kite.KiteTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The browser road's card: the login is in the system browser, the app waits for its redirect
 * (or says why it cannot), the login address to open again or copy into any browser, and a field
 * for the address the browser landed on.
 */
final class BrowserLoginView extends VBox {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);

    private final Label title = new Label();
    private final Label intro = paragraph("browser-login-intro");
    private final Label waiting = paragraph("browser-login-waiting");
    private final Label notWaiting = paragraph("browser-login-not-waiting");
    private final TextField loginUrl = new TextField();
    private final TextField pasted = new TextField();
    private final HBox waitingRow;
    private final VBox browserPart;

    BrowserLoginView(MainModel model, WindowCommands commands) {
        super(12);
        getStyleClass().add("browser-login");
        setId("browser-login");
        title.getStyleClass().add("welcome-title");
        title.setWrapText(true);
        waiting.getStyleClass().add("browser-waiting");
        notWaiting.getStyleClass().add("browser-not-waiting");

        loginUrl.setId("browser-login-url");
        loginUrl.setEditable(false);
        HBox.setHgrow(loginUrl, Priority.ALWAYS);
        Button copy = button("Copy", "copy-login-url", () -> Clipboard.getSystemClipboard()
                .setContent(Map.of(DataFormat.PLAIN_TEXT, loginUrl.getText())));
        Button again = button("Open the browser again", "open-browser-again", commands::openBrowserAgain);
        browserPart = new VBox(6, caption("The browser did not open, or is on another machine? Open this address in any"
                + " browser:"), new HBox(8, loginUrl, copy), again);

        pasted.setId("paste-redirect");
        HBox.setHgrow(pasted, Priority.ALWAYS);
        Button use = button("Use this address", "use-pasted-redirect", () -> commands.usePastedAddress(pasted.getText()));
        use.getStyleClass().add("accent");
        pasted.setOnAction(e -> commands.usePastedAddress(pasted.getText()));
        VBox pastePart = new VBox(6, caption("Paste the address the browser landed on after the login (from its address"
                + " bar; it starts with the redirect URL):"), new HBox(8, pasted, use),
                new NoticeLabel("paste-notice", model.pasteNoticeProperty()));

        Button cancel = button("Cancel this login", "cancel-browser-login", commands::cancelBrowserLogin);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        waitingRow = new HBox(8, spinner, waiting);
        waitingRow.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, intro, waitingRow, notWaiting, browserPart, pastePart, cancel);
        model.browserWaitProperty().addListener((obs, old, shown) -> {
            pasted.clear();
            show(shown);
        });
        show(model.browserWaitProperty().get());
    }

    private void show(BrowserWait shown) {
        if (shown == null) return;
        title.setText(shown.browserOpened() ? "Log in with your browser" : "Paste the redirect address");
        intro.setText(shown.browserOpened()
                ? "Kite's login for " + shown.profileName() + " is open in your browser. Log in there as usual."
                : "Logged in to Kite for " + shown.profileName() + " in another browser? Paste the address it landed"
                        + " on: the app exchanges its request_token here.");
        waiting.setText(shown.waiting() ? "Waiting for Kite to send the browser back to " + shown.redirectUrl()
                + " (until " + TIME.format(shown.waitingUntil().atZone(KiteTime.IST)) + " IST). This card moves on by"
                + " itself." : "");
        notWaiting.setText(shown.whyNotWaiting() == null ? "" : "\u26A0 " + shown.whyNotWaiting());
        showIf(waitingRow, shown.waiting());
        showIf(notWaiting, shown.whyNotWaiting() != null);
        loginUrl.setText(shown.loginUrl());
        pasted.setPromptText(shown.redirectUrl() + "?action=login&status=success&request_token=\u2026");
        showIf(browserPart, shown.browserOpened());
    }

    private static void showIf(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private static Label paragraph(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        return label;
    }
}
