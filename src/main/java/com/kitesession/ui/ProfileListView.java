package com.kitesession.ui;

import com.kitesession.service.ProfileStatus;
import com.kitesession.ui.DashboardFacts.ListRow;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
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
 * <p>
 * Each cell follows "now" itself and touches its labels only when its {@link ListRow} changes
 * (once a minute): the list is never refreshed as a whole, which re-made every cell, re-ran their
 * CSS and laid out and repainted the whole list each second.
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
        /** What the cell shows; null while empty. */
        private ListRow shown;
        /** Held by the cell: the model holds it weakly, so a cell the list drops is not kept. */
        private final InvalidationListener onTick = obs -> show(getItem());

        StatusCell() {
            name.getStyleClass().add("row-name");
            state.getStyleClass().add("row-state");
            symbol.getStyleClass().add("row-symbol");
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            box = new HBox(8, symbol, new VBox(1, name, state), gap);
            model.nowProperty().addListener(new WeakInvalidationListener(onTick));
        }

        @Override
        protected void updateItem(ProfileStatus row, boolean empty) {
            super.updateItem(row, empty);
            show(empty ? null : row);
            setGraphic(shown == null ? null : box);
        }

        private void show(ProfileStatus row) {
            ListRow next = row == null ? null : ListRow.of(row, model.nowProperty().get());
            if (Objects.equals(next, shown)) return;
            shown = next;
            if (next == null) return;
            name.setText(next.name());
            state.setText(next.words());
            symbol.setText(DashboardFacts.symbol(next.state()));
            Controls.styleOf(box, Controls.startingWith("state-"), DashboardFacts.style(next.state()));
        }
    }
}
