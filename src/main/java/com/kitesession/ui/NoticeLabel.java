package com.kitesession.ui;

import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/**
 * A line of feedback bound to a {@link MainModel.Notice}: its tone picks the style, so success
 * reads as success and only problems take the error colour. Empty, it takes no room.
 */
final class NoticeLabel extends Label {
    NoticeLabel(String id, ObservableValue<MainModel.Notice> notice) {
        setId(id);
        setWrapText(true);
        setMinHeight(Region.USE_PREF_SIZE);
        getStyleClass().add("notice");
        show(notice.getValue());
        notice.addListener((obs, old, shown) -> show(shown));
    }

    private void show(MainModel.Notice notice) {
        MainModel.Notice shown = notice == null ? MainModel.Notice.NONE : notice;
        setText(shown.text());
        Controls.styleOf(this, Controls.startingWith("notice-"), "notice-" + shown.tone().name().toLowerCase(Locale.ROOT));
        boolean any = !shown.text().isEmpty();
        setVisible(any);
        setManaged(any);
    }
}
