package com.kitesession.ui;

import com.kitesession.explain.Explanation;
import com.kitesession.explain.FixAction;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Shows one {@link Explanation}: the layer as a badge, title, why, numbered fixes, the fix button. */
final class ExplanationView extends VBox {
    private final Consumer<FixAction> onAction;
    private final Runnable onDismiss;

    /** Shows what {@code explanation} holds, hidden while it holds nothing. */
    ExplanationView(ObservableValue<Explanation> explanation, Consumer<FixAction> onAction, Runnable onDismiss) {
        this.onAction = onAction;
        this.onDismiss = onDismiss;
        getStyleClass().add("explanation");
        setId("explanation");
        explanation.addListener((obs, old, shown) -> {
            if (shown == null) hide();
            else show(shown);
        });
        if (explanation.getValue() == null) hide();
        else show(explanation.getValue());
    }

    private void show(Explanation explanation) {
        getChildren().clear();
        getStyleClass().removeAll("layer-login", "layer-api", "layer-local");
        getStyleClass().add("layer-" + explanation.layer().name().toLowerCase());

        Label layer = new Label(explanation.layer().label());
        layer.getStyleClass().add("layer-badge");
        layer.setId("explanation-layer");
        Button close = new Button("Dismiss");
        close.setId("explanation-dismiss");
        close.setOnAction(e -> onDismiss.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(8, layer, gap, close);

        Label title = wrapped(explanation.title(), "explanation-title");
        title.setId("explanation-title");
        Label why = wrapped(explanation.why(), "explanation-why");
        why.setId("explanation-why");
        getChildren().addAll(head, title, why);
        if (explanation.kiteMessage() != null) {
            getChildren().add(wrapped("Kite said: \u201c" + explanation.kiteMessage() + "\u201d", "kite-message"));
        }
        VBox fixes = new VBox(2);
        fixes.setId("explanation-fixes");
        for (int i = 0; i < explanation.fixes().size(); i++) {
            fixes.getChildren().add(wrapped((i + 1) + ". " + explanation.fixes().get(i), "fix-step"));
        }
        getChildren().addAll(wrapped("What to do", "fix-heading"), fixes);
        if (explanation.action() != FixAction.NONE) {
            Button action = new Button(explanation.action().label());
            action.setId("explanation-action");
            action.getStyleClass().add("accent");
            action.setOnAction(e -> onAction.accept(explanation.action()));
            getChildren().add(action);
        }
        setVisible(true);
        setManaged(true);
    }

    private void hide() {
        setVisible(false);
        setManaged(false);
    }

    private static Label wrapped(String text, String style) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(style);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}
