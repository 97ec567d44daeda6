package com.kitesession.ui;

import com.kitesession.service.ProfileStatus;
import com.kitesession.session.SessionState;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Every session with its state and time left, following the model's "now". A state is shown as
 * a word plus a symbol; colour only repeats what the text says. The selection mirrors the
 * model's; a person's pick is handed to {@code onPick}.
 */
final class ProfileListView extends ListView<ProfileStatus> {
    private final MainModel model;
    /** True while the list follows the model, so that following is not taken for a pick. */
    private boolean following;

    ProfileListView(MainModel model, Consumer<String> onPick) {
        this.model = model;
        setId("profile-list");
        getStyleClass().add("session-list");
        setCellFactory(view -> new StatusCell());
        model.nowProperty().addListener(obs -> refresh());
        model.selectedIdProperty().addListener(obs -> follow());
        // The list keeps its own copy: replacing the rows moves the selection, and that must not count as a pick.
        model.rows().addListener((ListChangeListener<ProfileStatus>) change -> follow());
        getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (!following && row != null) onPick.accept(row.profile().id());
        });
        follow();
    }

    private void follow() {
        following = true;
        try {
            if (!getItems().equals(model.rows())) getItems().setAll(model.rows());
            String id = model.selectedIdProperty().get();
            ProfileStatus row = getItems().stream().filter(r -> Objects.equals(r.profile().id(), id)).findFirst().orElse(null);
            if (row == null) getSelectionModel().clearSelection();
            else getSelectionModel().select(row);
        } finally {
            following = false;
        }
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
            box = new HBox(8, symbol, new VBox(1, name, state), gap);
        }

        @Override
        protected void updateItem(ProfileStatus row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            Instant now = model.nowProperty().get();
            SessionState current = row.state(now);
            name.setText(row.profile().name() + (row.isDefault() ? " (default)" : ""));
            state.setText(row.stateWords(now));
            symbol.setText(DashboardFacts.symbol(current));
            box.getStyleClass().removeIf(c -> c.startsWith("state-"));
            box.getStyleClass().add("state-" + current.name().toLowerCase().replace('_', '-'));
            setGraphic(box);
        }
    }
}
