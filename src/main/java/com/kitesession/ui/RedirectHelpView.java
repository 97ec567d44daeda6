package com.kitesession.ui;

import com.kitesession.session.RedirectUrlCheck;
import java.util.Map;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DataFormat;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The first-run page about the registered redirect URL: what it is, the suggested loopback
 * address, and a live check of the address the person types (the same text as the profile
 * form's field) saying exactly what the app will catch.
 */
final class RedirectHelpView extends VBox {
    final TextField url = new TextField();
    final Label check = new Label();
    final Button useSuggested = new Button("Use " + RedirectUrlCheck.SUGGESTED);
    final Button copySuggested = new Button("Copy");
    final Button done = new Button("Done");

    RedirectHelpView(Runnable onDone) {
        getStyleClass().add("redirect-help");
        setId("redirect-help");
        Label title = new Label("Your Kite app's redirect URL");
        title.getStyleClass().add("welcome-title");
        Label what = paragraph("When you log in, Kite sends the login window to the Redirect URL registered for your"
                + " app on developers.kite.trade, with a one-time request_token added. This app watches for that"
                + " address and takes the token from it; the page itself never has to load, so no server needs to"
                + " run there.");
        Label suggested = paragraph("Suggested: " + RedirectUrlCheck.SUGGESTED + ". Zerodha allows a loopback"
                + " address for personal apps, and the request_token never leaves this computer. Its port lets the"
                + " same address serve Log in with my browser too, where the app listens there for your browser:"
                + " a port under 1024 (or none, which means 80) needs the administrator.");
        Label steps = paragraph("1. On developers.kite.trade > My apps > your app, set Redirect URL and save.\n"
                + "2. Type the same address here (or in the profile editor). The check below says what the app will"
                + " catch.");
        url.setId("redirect-help-url");
        url.setPromptText(RedirectUrlCheck.SUGGESTED);
        check.setId("redirect-check");
        check.setWrapText(true);
        useSuggested.setId("use-suggested-redirect");
        useSuggested.setOnAction(e -> url.setText(RedirectUrlCheck.SUGGESTED));
        copySuggested.setOnAction(e -> Clipboard.getSystemClipboard()
                .setContent(Map.of(DataFormat.PLAIN_TEXT, RedirectUrlCheck.SUGGESTED)));
        done.setId("redirect-help-done");
        done.getStyleClass().add("accent");
        done.setOnAction(e -> onDone.run());
        HBox.setHgrow(url, Priority.ALWAYS);
        url.textProperty().addListener((obs, old, typed) -> showCheck(check, typed));
        showCheck(check, url.getText());
        getChildren().addAll(title, what, suggested, new HBox(8, useSuggested, copySuggested), steps, url, check, done);
    }

    /** Edits the same text as {@code field} (the profile form's redirect URL). */
    void bindTo(StringProperty field) {
        url.textProperty().bindBidirectional(field);
    }

    /** The verdict as words with a symbol first, so it never rests on colour alone. */
    static void showCheck(Label label, String typed) {
        RedirectUrlCheck.Result result = RedirectUrlCheck.check(typed);
        String mark = switch (result.verdict()) {
            case OK -> "\u2714 ";
            case WARN -> "\u26A0 ";
            case ERROR -> "\u2716 ";
        };
        String catches = result.matches() == null ? ""
                : "The app will catch " + result.matches() + "?request_token=\u2026\n";
        label.setText(mark + catches + String.join("\n", result.notes()));
        label.getStyleClass().removeAll("check-ok", "check-warn", "check-error");
        label.getStyleClass().add("check-" + result.verdict().name().toLowerCase());
    }

    private static Label paragraph(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }
}
