package com.kitesession.desktop;

import java.util.List;
import java.util.Optional;

/**
 * An icon in the desktop's system tray (the menu bar on macOS) with a tooltip, a menu and
 * balloon messages. {@link AwtTray} is the real one; where the desktop has no tray, {@link #missing()}
 * says why in a person's words and nothing is shown. Tests use a fake.
 */
public interface Tray {
    /** One entry of the icon's menu; its action runs on the tray's own thread, not the window's. */
    record Item(String label, Runnable action) {}

    /**
     * Empty when this desktop shows tray icons; otherwise why not, to show in Preferences. The first
     * call may be slow (it starts the desktop toolkit): never on the FX thread.
     */
    Optional<String> missing();

    /**
     * Puts the icon in the tray; {@code open} runs when the icon itself is clicked. False when the
     * desktop refused it (a tray that went away): the app then behaves as without one.
     */
    boolean show(String tooltip, List<Item> menu, Runnable open);

    /** The text shown when the pointer rests on the icon. */
    void setTooltip(String text);

    /** A short message from the icon (a balloon or the desktop's notification). */
    void message(String title, String text);

    /** Takes the icon out of the tray; nothing happens when it is not there. */
    void remove();

    /** For where there is no tray at all (no display): shows nothing, says why. */
    static Tray none(String why) {
        return new Tray() {
            @Override
            public Optional<String> missing() {
                return Optional.of(why);
            }

            @Override
            public boolean show(String tooltip, List<Item> menu, Runnable open) {
                return false;
            }

            @Override
            public void setTooltip(String text) {
            }

            @Override
            public void message(String title, String text) {
            }

            @Override
            public void remove() {
            }
        };
    }
}
