package com.kitesession.storage;

import java.nio.file.Path;

/** Where the app keeps its files, by OS convention. */
public final class AppPaths {
    private AppPaths() {}

    public static Path configFolder() {
        String override = System.getProperty("kite.session.home");
        if (override != null && !override.isBlank()) return Path.of(override);
        String os = System.getProperty("os.name", "").toLowerCase();
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData/Roaming")).resolve("KiteSession");
        }
        if (os.contains("mac")) return home.resolve("Library/Application Support/KiteSession");
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("kite-session");
    }
}
