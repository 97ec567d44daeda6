package com.kitesession.desktop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Preferences > Start at login (minimised): the operating system's own autostart entry for this
 * copy, which starts the window with {@link #MINIMISED}. Whether it is on is read back from that
 * entry (an XDG autostart file on Linux, a LaunchAgent on macOS, the HKCU Run key on Windows),
 * never from a setting of ours, so removing it by hand is seen.
 */
public interface Autostart {
    /** The launch argument that opens the window iconified. */
    String MINIMISED = "--minimised";

    /** Whether the entry is there. */
    boolean isOn() throws IOException;

    /** Writes (or rewrites) the entry; {@code on = false} removes it. The message of a failure is a sentence. */
    void set(boolean on) throws IOException;

    /** Where the entry lives, for messages: a file, or the registry key. */
    String where();

    /** Whether the window's launch arguments ask for it to start iconified. */
    static boolean minimisedIn(List<String> args) {
        return args != null && args.contains(MINIMISED);
    }

    /** The entry for this machine and this copy, in the real home (or $XDG_CONFIG_HOME). */
    static Autostart forThisMachine() {
        return forMachine(System.getenv(), System.getProperties());
    }

    /** The entry for the OS named in {@code properties}, the home and environment given (tests pass temp ones). */
    static Autostart forMachine(Map<String, String> env, Properties properties) {
        String os = properties.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(properties.getProperty("user.home", "."));
        Launcher launcher = Launcher.of(properties);
        if (os.contains("win")) return new RunKeyAutostart(launcher, RunKeyAutostart.SYSTEM_REG);
        if (os.contains("mac")) return new LaunchAgentAutostart(home.resolve("Library/LaunchAgents"), launcher);
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".config");
        return new XdgAutostart(config.resolve("autostart"), launcher);
    }

    /**
     * What the entry starts: the installed app's launcher ({@code jpackage.app-path}), else
     * {@code java -jar} this jar (from a source tree: the same Java and class path); {@code how}
     * says which, for the entry's comment.
     */
    record Launcher(List<String> command, boolean installed) {
        public Launcher {
            command = List.copyOf(command);
        }

        static Launcher of(Properties properties) {
            String app = properties.getProperty("jpackage.app-path");
            if (app != null && !app.isBlank()) return new Launcher(List.of(app), true);
            boolean windows = properties.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
            List<String> command = new ArrayList<>();
            command.add(Path.of(properties.getProperty("java.home", ""), "bin", windows ? "javaw.exe" : "java").toString());
            String classPath = properties.getProperty("java.class.path", "");
            if (classPath.endsWith(".jar") && !classPath.contains(windows ? ";" : ":")) {
                command.add("-jar");
                command.add(Path.of(classPath).toAbsolutePath().toString());
            } else {
                command.add("-cp");
                command.add(classPath);
                command.add("com.kitesession.Main");
            }
            return new Launcher(command, false);
        }

        /** The launcher's words for comments: which copy the entry starts. */
        public String how() {
            return installed ? "the installed app" : "this copy's jar with Java";
        }

        /** The command with {@link #MINIMISED} after it. */
        public List<String> minimised() {
            List<String> all = new ArrayList<>(command);
            all.add(MINIMISED);
            return all;
        }
    }
}
