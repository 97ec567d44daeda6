package com.kitesession.ui;

import java.util.List;
import java.util.function.Predicate;
import javafx.scene.Node;
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

    /**
     * Gives {@code node} the one style class of a family ({@code chosen}; null for none), touching
     * its classes only when that changes: taking a class off and putting it back re-runs CSS on the
     * node and repaints it, which the views that follow the model's second did every second.
     */
    static void styleOf(Node node, Predicate<String> family, String chosen) {
        List<String> current = node.getStyleClass().stream().filter(family).toList();
        if (chosen == null ? current.isEmpty() : current.equals(List.of(chosen))) return;
        node.getStyleClass().removeIf(family);
        if (chosen != null) node.getStyleClass().add(chosen);
    }

    /** The style classes that start with {@code prefix}, a family for {@link #styleOf}. */
    static Predicate<String> startingWith(String prefix) {
        return style -> style.startsWith(prefix);
    }
}
