package com.kitesession.ui;

import com.kitesession.desktop.Autostart;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An autostart entry in memory: on or off, each change recorded; {@code failure} makes changes fail. */
final class RecordingAutostart implements Autostart {
    volatile boolean on;
    volatile IOException failure;
    final List<Boolean> sets = new CopyOnWriteArrayList<>();

    @Override
    public boolean isOn() {
        return on;
    }

    @Override
    public void set(boolean on) throws IOException {
        sets.add(on);
        if (failure != null) throw failure;
        this.on = on;
    }

    @Override
    public String where() {
        return "a test entry";
    }
}
