package com.kitesession.ui;

import com.kitesession.desktop.Tray;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tray for tests: present or missing as told, recording what the app did with its icon. */
final class FakeTray implements Tray {
    /** Empty: the desktop has a tray; else why not. */
    volatile Optional<String> missing = Optional.empty();
    volatile boolean refuses;
    volatile boolean shown;
    volatile String tooltip;
    volatile List<Item> menu = List.of();
    volatile Runnable open;
    final List<String> tooltips = new CopyOnWriteArrayList<>();
    final List<String> messages = new CopyOnWriteArrayList<>();

    static FakeTray missing(String why) {
        FakeTray tray = new FakeTray();
        tray.missing = Optional.of(why);
        return tray;
    }

    @Override
    public Optional<String> missing() {
        return missing;
    }

    @Override
    public boolean show(String tooltip, List<Item> menu, Runnable open) {
        if (refuses) return false;
        this.tooltip = tooltip;
        this.menu = List.copyOf(menu);
        this.open = open;
        shown = true;
        return true;
    }

    @Override
    public void setTooltip(String text) {
        tooltip = text;
        tooltips.add(text);
    }

    @Override
    public void message(String title, String text) {
        messages.add(title + ": " + text);
    }

    @Override
    public void remove() {
        shown = false;
    }

    /** Clicks the menu entry with this label, as the desktop would (on the tray's own thread). */
    void click(String label) {
        menu.stream().filter(item -> item.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no menu entry " + label + " in " + labels())).action().run();
    }

    List<String> labels() {
        return menu.stream().map(Item::label).toList();
    }
}
