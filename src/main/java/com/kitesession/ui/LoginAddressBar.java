package com.kitesession.ui;

import com.kitesession.login.LoginOrigin;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The login view's bar: its title, the origin of the page shown and whether it is https (as a
 * browser's address bar says it), and Close login. The path and query are left out: the query
 * carries the request_token on the redirect, and the origin is what a person should check.
 */
final class LoginAddressBar extends HBox {
    private final Label security = new Label();
    private final Label address = new Label();

    LoginAddressBar(Runnable onClose) {
        super(8);
        getStyleClass().add("browser-bar");
        address.getStyleClass().add("address");
        address.setId("login-address");
        security.setId("login-security");
        Button close = new Button("Close login");
        close.setId("close-login");
        close.setOnAction(e -> onClose.run());
        Label title = new Label("Kite login");
        // In a narrow window the address gives way ("..."), never the title or the button.
        title.setMinWidth(Region.USE_PREF_SIZE);
        close.setMinWidth(Region.USE_PREF_SIZE);
        security.setMinWidth(Region.USE_PREF_SIZE);
        address.setMinWidth(0);
        address.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(address, Priority.ALWAYS);
        getChildren().addAll(title, security, address, close);
    }

    /** Shows the origin of {@code url}; anything that is not http(s) shows as blank. */
    void show(String url) {
        LoginOrigin origin = LoginOrigin.of(url).orElse(null);
        security.getStyleClass().removeAll("secure", "not-secure");
        if (origin == null) {
            security.setText("");
            security.setTooltip(null);
            address.setText("");
            address.setTooltip(null);
            return;
        }
        address.setText(origin.serialized());
        address.setTooltip(new Tooltip(origin.serialized()));
        // Short, so that a narrow window still shows the origin; the tooltip says it in full.
        if (origin.isHttps()) {
            security.setText("\u2714 https");
            security.setTooltip(new Tooltip("An encrypted https connection to " + origin));
            security.getStyleClass().add("secure");
        } else if (origin.isLoopback()) {
            security.setText("\u26A0 local http");
            security.setTooltip(new Tooltip("Plain http to a server on this computer (the built-in simulator), not to Kite"));
            security.getStyleClass().add("not-secure");
        } else {
            security.setText("\u26A0 not secure");
            security.setTooltip(new Tooltip("Plain http: nothing is encrypted, and nothing you stored is filled in"));
            security.getStyleClass().add("not-secure");
        }
    }

    String shownAddress() {
        return address.getText();
    }
}
