package com.kitesession.desktop;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The app's name and version, from {@code app.properties} (filtered by Maven from the pom). */
public final class AppInfo {
    public static final String NAME = "Kite Session Manager";
    private static final String VERSION = load();

    private AppInfo() {}

    /** The pom's version, e.g. "0.1.0"; "development" when run from an unfiltered source tree. */
    public static String version() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = AppInfo.class.getResourceAsStream("/app.properties")) {
            if (in == null) return "development";
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            return version.isBlank() || version.startsWith("${") ? "development" : version;
        } catch (IOException e) {
            return "development";
        }
    }
}
