package com.kitesession.desktop;

import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Linux (and other XDG desktops): {@code kite-session.desktop} in {@code $XDG_CONFIG_HOME/autostart}
 * (default {@code ~/.config/autostart}), which GNOME, KDE, Xfce and others start at login.
 */
final class XdgAutostart extends EntryFileAutostart {
    static final String FILE_NAME = "kite-session.desktop";

    XdgAutostart(Path folder, Launcher launcher) {
        super(folder.resolve(FILE_NAME), launcher);
    }

    /** The entry's text, exactly. */
    @Override
    String entry() {
        String exec = launcher.minimised().stream().map(XdgAutostart::quote).collect(Collectors.joining(" "));
        return "[Desktop Entry]\n"
                + "# Written by Kite Session Manager (Preferences > Start at login); it starts " + launcher.how() + ".\n"
                + "Type=Application\n"
                + "Name=" + AppInfo.NAME + (launcher.installed() ? "" : " (jar)") + "\n"
                + "Comment=Starts " + AppInfo.NAME + " minimised at login\n"
                + "Exec=" + exec + "\n"
                + (launcher.installed() ? "Icon=kite-session\n" : "")
                + "Terminal=false\n"
                + "X-GNOME-Autostart-enabled=true\n";
    }

    /**
     * One Exec argument per the Desktop Entry spec: quoted when it holds a reserved character,
     * with {@code "}, {@code `}, {@code $} and {@code \} escaped by a backslash inside the quotes;
     * then every backslash doubled again for the string-value escape, and {@code %} doubled (a field code).
     */
    static String quote(String arg) {
        String value = arg.replace("%", "%%");
        boolean plain = !value.isEmpty() && value.chars().noneMatch(c -> " \t\n\"'\\><~|&;$*?#()`".indexOf(c) >= 0);
        if (plain) return value;
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '`' || c == '$' || c == '\\') quoted.append('\\');
            quoted.append(c);
        }
        return quoted.append('"').toString().replace("\\", "\\\\");
    }
}
