package com.kitesession.ui;

import com.kitesession.clock.ClockOffset;
import com.kitesession.clock.ClockOffsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.Label;

/**
 * The status line at the bottom: this computer's clock against Kite's (or a source Kite's clock
 * confirms), or "not measured"; then any reading Kite does not confirm, said to be unused.
 */
final class ClockStatusLine extends Label {
    private static final Set<String> SEVERITIES = Set.of("clock-ok", "clock-warn", "clock-alarm");
    private final ClockOffsets offsets;

    ClockStatusLine(ClockOffsets offsets, String id) {
        this.offsets = offsets;
        setId(id);
        getStyleClass().add("clock-bar");
        refresh();
    }

    /**
     * Shows the best trusted reading and the unconfirmed ones; the window calls it every few
     * seconds, and while nothing changed it changes nothing on screen.
     */
    void refresh() {
        Optional<ClockOffset> best = offsets.best();
        String unconfirmed = unconfirmed(best.isPresent());
        if (best.isEmpty()) {
            Controls.styleOf(this, SEVERITIES::contains, null);
            setText("Clock: not measured yet (it is measured on every answer from Kite)." + unconfirmed);
            return;
        }
        ClockOffset offset = best.get();
        String mark = switch (offset.severity()) {
            case OK -> "\u2714 ";
            case WARN -> "\u26A0 ";
            // The app corrects its own codes; a phone or authenticator on this clock would be rejected.
            case ALARM -> "\u26A0 Set this computer's time to automatic. ";
        };
        setText("Clock: " + mark + offset.describe() + unconfirmed);
        Controls.styleOf(this, SEVERITIES::contains, "clock-" + offset.severity().name().toLowerCase(Locale.ROOT));
    }

    /** E.g. " NTP server pool.ntp.org says this computer is 3600 s behind, but Kite's clock does not confirm it: not used." */
    private String unconfirmed(boolean kiteRead) {
        String why = kiteRead ? "Kite's clock does not confirm it" : "Kite's clock has not been read yet to confirm it";
        return offsets.unconfirmed().stream()
                .map(r -> " " + r.sourceName() + " says this computer is " + r.offsetInWords() + ", but " + why + ": not used.")
                .collect(Collectors.joining());
    }
}
