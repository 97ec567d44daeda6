package com.kitesession.ui;

import java.util.EnumMap;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The right of the window: an explanation panel over one card at a time (welcome, the Kite
 * login, the busy exchange, the session dashboard, the redirect-URL help, the profile editor),
 * as the model's card says.
 */
final class DetailPane extends VBox {
    DetailPane(MainModel model, WindowCommands commands, Map<MainModel.Card, Node> shown) {
        Map<MainModel.Card, Node> cards = new EnumMap<>(shown);
        cards.put(MainModel.Card.WELCOME, welcome());
        cards.put(MainModel.Card.BUSY, busy(model));
        StackPane stack = new StackPane();
        // At start only the shown card and the login browser (warmed up behind it) are in the scene;
        // every other card joins when it is first shown. JavaFX styles and lays out hidden nodes
        // too: with every card in, stage.show() took 0.98 s of a 2.5 s start; with only these, 0.47 s.
        stack.getChildren().add(cards.get(MainModel.Card.LOGIN));
        showCard(stack, cards, model.cardProperty().get());
        model.cardProperty().addListener((obs, old, card) -> showCard(stack, cards, card));
        // Every login ends on the dashboard: it joins (hidden) once the window has drawn itself
        // ready to log in, while the person finds the button, so that the first login does not
        // wait for its styling (about 80 ms). Not before that frame, which it would delay.
        model.canLoginProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean can) {
                if (!can) return;
                obs.removeListener(this);
                afterNextFrame(() -> join(stack, cards.get(MainModel.Card.TOKEN)));
            }
        });

        // A long explanation scrolls within at most half the height, so the login page under it
        // (where the person types the next code) always keeps room.
        ExplanationView explanation = new ExplanationView(model.explanationProperty(), commands::fix,
                commands::dismissExplanation);
        ScrollPane explanationScroll = new ScrollPane(explanation);
        explanationScroll.setFitToWidth(true);
        explanationScroll.getStyleClass().add("explanation-scroll");
        explanationScroll.visibleProperty().bind(explanation.visibleProperty());
        explanationScroll.managedProperty().bind(explanation.managedProperty());
        stack.setMinHeight(0);
        getChildren().addAll(explanationScroll, stack);
        // The cards ask for half (and grow into what the explanation leaves); the explanation
        // takes what it needs up to the other half.
        explanationScroll.maxHeightProperty().bind(heightProperty().multiply(0.5));
        stack.prefHeightProperty().bind(heightProperty().multiply(0.45));
        VBox.setVgrow(stack, Priority.ALWAYS);
        getStyleClass().add("content");
    }

    private static void showCard(StackPane stack, Map<MainModel.Card, Node> cards, MainModel.Card card) {
        cards.forEach((which, node) -> node.setVisible(which == card));
        join(stack, cards.get(card));
    }

    /** Adds a card to the scene (as it is, shown or hidden) unless it is there already. */
    private static void join(StackPane stack, Node card) {
        if (card == null || card.getParent() == stack) return;
        stack.getChildren().add(card);
        // Its skins are made now (a scroll pane's content joins the scene only through its skin),
        // so a field in it can take the focus at once, as the editor's fix buttons ask.
        card.applyCss();
    }

    /** Runs {@code action} on the FX thread after the next frame is laid out (at once without a scene). */
    private void afterNextFrame(Runnable action) {
        Scene scene = getScene();
        if (scene == null) {
            Platform.runLater(action);
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> Platform.runLater(() -> {
            scene.removePostLayoutPulseListener(once[0]); // not inside the pulse's own loop over its listeners
            action.run();
        });
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    private static Node welcome() {
        VBox welcome = new VBox(10);
        welcome.getStyleClass().add("welcome");
        welcome.setId("welcome");
        Label title = new Label("Today's Kite session in one click");
        title.getStyleClass().add("welcome-title");
        title.setWrapText(true);
        Label steps = new Label("1. Choose a session on the left, or add your Kite app (the demo works out of the box).\n"
                + "2. Press Log in to Kite and log in as usual: user ID, password, 2FA code. (Or Log in with my"
                + " browser, to log in in your usual browser.)\n"
                + "3. The app catches the request_token, exchanges it, and shows your access token"
                + " with a countdown to its 06:00 IST expiry. It remembers it, checks it stays live,"
                + " and hands it to your scripts (Copy, an export file, or `kite-session token`).");
        steps.setWrapText(true);
        welcome.getChildren().addAll(title, steps);
        return welcome;
    }

    private static Node busy(MainModel model) {
        Label text = new Label();
        text.setId("busy-text");
        text.textProperty().bind(model.busyTextProperty());
        VBox busy = new VBox(12, new ProgressIndicator(), text);
        busy.getStyleClass().add("busy");
        busy.setId("busy");
        return busy;
    }
}
