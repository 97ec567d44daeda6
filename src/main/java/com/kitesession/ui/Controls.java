package com.kitesession.ui;

import javafx.scene.control.Button;
import javafx.scene.control.Label;

/** The small controls every view builds the same way. */
final class Controls {
    private Controls() {}

    /** A button with its id (tests and CSS find it) and what it does. */
    static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    /** Muted, wrapping words under or beside a field. */
    static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("caption");
        label.setWrapText(true);
        return label;
    }
}
