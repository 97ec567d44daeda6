package com.kitesession.ui;

import com.kitesession.clock.ClockOffset;
import com.kitesession.clock.ClockOffsets;
import java.util.Optional;
import javafx.scene.control.Label;

/** The status line at the bottom: this computer's clock against Kite's (or an NTP server), or "not measured". */
final class ClockStatusLine extends Label {
    private final ClockOffsets offsets;

    ClockStatusLine(ClockOffsets offsets) {
        this.offsets = offsets;
        setId("clock-offset");
        getStyleClass().add("clock-bar");
        refresh();
    }

    /** Shows the best fresh reading; the window calls it every few seconds. */
    void refresh() {
        Optional<ClockOffset> best = offsets.best();
        getStyleClass().removeAll("clock-ok", "clock-warn", "clock-alarm");
        if (best.isEmpty()) {
            setText("Clock: not measured yet (it is measured on every answer from Kite).");
            return;
        }
        ClockOffset offset = best.get();
        String mark = switch (offset.severity()) {
            case OK -> "\u2714 ";
            case WARN -> "\u26A0 ";
            // The app corrects its own codes; a phone or authenticator on this clock would be rejected.
            case ALARM -> "\u26A0 Set this computer's time to automatic. ";
        };
        setText("Clock: " + mark + offset.describe());
        getStyleClass().add("clock-" + offset.severity().name().toLowerCase());
    }
}
