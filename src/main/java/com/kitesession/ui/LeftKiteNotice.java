package com.kitesession.ui;

import com.kitesession.login.LoginNavigation;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Says where the login page tried to go when the view stopped it (a link, a popup, a redirect
 * off Kite), with Open in my browser for an http(s) address: the system browser, where nothing
 * of the person's is filled in. Hidden until needed.
 */
final class LeftKiteNotice extends HBox {
    private final Label text = new Label();
    private final Button open = new Button("Open in my browser");
    private final Consumer<String> openInBrowser;
    private String target;

    LeftKiteNotice(Consumer<String> openInBrowser) {
        super(8);
        this.openInBrowser = openInBrowser;
        setId("left-kite-notice");
        getStyleClass().add("left-kite-notice");
        text.setId("left-kite-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        open.setId("open-in-browser");
        open.setMinWidth(Region.USE_PREF_SIZE);
        open.setOnAction(e -> {
            if (target != null) openInBrowser.accept(target);
        });
        Button dismiss = new Button("Dismiss");
        dismiss.setMinWidth(Region.USE_PREF_SIZE);
        dismiss.setOnAction(e -> hide());
        getChildren().addAll(text, open, dismiss);
        hide();
    }

    /** {@code how}: "go to" for a navigation, "open a new window at" for a popup. */
    void show(LoginNavigation.Stop stop, String how) {
        target = stop.openable() ? stop.url() : null;
        text.setText("Stopped: the login page tried to " + how + " " + stop.shown() + ". The login view stays on Kite's"
                + " own page, so nothing you stored is filled in elsewhere."
                + (stop.openable() ? " If you meant to go there, open it in your browser." : " That address is not opened."));
        open.setVisible(stop.openable());
        open.setManaged(stop.openable());
        setVisible(true);
        setManaged(true);
    }

    void hide() {
        target = null;
        setVisible(false);
        setManaged(false);
    }

    String shownText() {
        return isVisible() ? text.getText() : "";
    }
}
