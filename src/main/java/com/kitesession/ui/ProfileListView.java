package com.kitesession.ui;

import com.kitesession.service.ProfileStatus;
import com.kitesession.session.Countdown;
import com.kitesession.session.SessionState;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Every profile with its session state and time left, ticking each second from the clock.
 * A state is shown as a word plus a symbol; colour only repeats what the text says.
 */
final class ProfileListView extends VBox {
    final ListView<ProfileStatus> list = new ListView<>();
    final Button add = new Button("Add");
    final Button delete = new Button("Delete\u2026");
    final Button makeDefault = new Button("Make default");
    private final Clock clock;
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> list.refresh()));
    private Consumer<ProfileStatus> onSelect = row -> { };
    private boolean refreshing;

    ProfileListView(Clock clock) {
        this.clock = clock;
        getStyleClass().add("profile-list");
        list.setId("profile-list");
        list.setPrefHeight(170);
        list.setCellFactory(view -> new StatusCell());
        add.setId("add-profile");
        delete.setId("delete-profile");
        makeDefault.setId("make-default");
        Label title = new Label("Kite apps");
        title.getStyleClass().add("profile-name");
        getChildren().addAll(title, list, new HBox(6, add, delete, makeDefault));
        setSpacing(6);
        setPadding(new javafx.geometry.Insets(0, 18, 0, 18));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    /**
     * Replaces the rows (new statuses), keeping the selection on {@code selectId} if it still
     * exists, else the first row. The selection callback fires only when the selected profile
     * changes, not on every refresh: a refresh must not reload the view it refreshes.
     */
    void show(List<ProfileStatus> rows, String selectId) {
        String before = selectedId();
        refreshing = true;
        try {
            list.getItems().setAll(rows);
            ProfileStatus target = rows.stream().filter(r -> r.profile().id().equals(selectId)).findFirst()
                    .orElse(rows.isEmpty() ? null : rows.get(0));
            if (target != null) list.getSelectionModel().select(target);
        } finally {
            refreshing = false;
        }
        String after = selectedId();
        if (after != null && !after.equals(before)) onSelect.accept(selected());
    }

    void onSelect(Consumer<ProfileStatus> action) {
        this.onSelect = action;
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (refreshing || row == null) return;
            if (old == null || !old.profile().id().equals(row.profile().id())) action.accept(row);
        });
    }

    private String selectedId() {
        ProfileStatus row = selected();
        return row == null ? null : row.profile().id();
    }

    void stop() {
        ticker.stop();
    }

    ProfileStatus selected() {
        return list.getSelectionModel().getSelectedItem();
    }

    /** The words a row shows for its state, e.g. "active, 17:42:05 left". */
    static String stateText(ProfileStatus row, java.time.Instant now) {
        SessionState state = row.state(now);
        String left = Countdown.format(row.remaining(now));
        return switch (state) {
            case ACTIVE, EXPIRING_SOON, UNKNOWN_OFFLINE -> state.label() + ", " + left + " left";
            default -> state.label();
        };
    }

    static String symbol(SessionState state) {
        return switch (state) {
            case ACTIVE -> "\u2714";          // check mark
            case EXPIRING_SOON -> "\u231B";   // hourglass
            case EXPIRED, INVALIDATED -> "\u2716"; // heavy x
            case UNKNOWN_OFFLINE -> "?";
            case NOT_LOGGED_IN -> "\u2013";   // en dash
        };
    }

    private final class StatusCell extends ListCell<ProfileStatus> {
        private final Label name = new Label();
        private final Label state = new Label();
        private final Label symbol = new Label();
        private final HBox box;

        StatusCell() {
            name.getStyleClass().add("row-name");
            state.getStyleClass().add("row-state");
            symbol.getStyleClass().add("row-symbol");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            box = new HBox(6, symbol, new VBox(1, name, state), gap);
        }

        @Override
        protected void updateItem(ProfileStatus row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            java.time.Instant now = clock.instant();
            SessionState current = row.state(now);
            name.setText(row.profile().name() + (row.isDefault() ? " (default)" : ""));
            state.setText(stateText(row, now));
            symbol.setText(symbol(current));
            box.getStyleClass().removeIf(c -> c.startsWith("state-"));
            box.getStyleClass().add("state-" + current.name().toLowerCase().replace('_', '-'));
            setGraphic(box);
        }
    }
}
