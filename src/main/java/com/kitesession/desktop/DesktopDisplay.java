package com.kitesession.desktop;

import java.util.Locale;
import java.util.Map;

/**
 * Whether this session can show a window or a browser: always on Windows and macOS; on Linux and
 * the other Unixes only inside a desktop session, which sets {@code DISPLAY} (X11) or
 * {@code WAYLAND_DISPLAY}. A login over SSH has neither.
 */
public final class DesktopDisplay {
    private DesktopDisplay() {}

    /** {@code env} as {@link System#getenv()} gives it; {@code osName} as the {@code os.name} property does. */
    public static boolean available(Map<String, String> env, String osName) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.contains("win") || os.contains("mac")) return true;
        return isSet(env, "DISPLAY") || isSet(env, "WAYLAND_DISPLAY");
    }

    static boolean isSet(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
