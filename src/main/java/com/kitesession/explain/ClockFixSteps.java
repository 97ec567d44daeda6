package com.kitesession.explain;

import java.util.List;

/** Where each OS hides "set time automatically" (KITE-FACTS.md, login layer). */
public final class ClockFixSteps {
    private ClockFixSteps() {}

    public static final List<String> ALL = List.of(
            "Android phone: Settings > Date and time > turn on Network provided time (Automatic date and time).",
            "iPhone: Settings > General > Date and Time > turn on Set Automatically.",
            "Windows: Settings > Time and Language > Date and time > turn on Set the time automatically, then press Sync now.",
            "macOS: System Settings > General > Date & Time > turn on Set time and date automatically.",
            "Linux: run `timedatectl set-ntp true` (or Settings > Date & Time > Automatic Date & Time).");
}
