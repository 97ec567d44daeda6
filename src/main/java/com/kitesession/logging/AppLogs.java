package com.kitesession.logging;

import com.kitesession.desktop.AppInfo;
import com.kitesession.storage.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The app's log files: java.util.logging into rotated files (1 MB x 5 a name) in the OS's usual
 * log folder, owner-only, every line through {@link RedactingFormatter}. Nothing is logged to
 * the console: stdout and stderr are the command line's output, and the console is not
 * redacted. java-keyring's SLF4J lines arrive here too (slf4j-jdk14).
 *
 * <p>The folder: {@code -Dkite.session.home=DIR} gives {@code DIR/logs}; otherwise
 * {@code $XDG_STATE_HOME/kite-session/logs} or {@code ~/.local/state/kite-session/logs} (Linux),
 * {@code ~/Library/Logs/Kite Session Manager} (macOS),
 * {@code %LOCALAPPDATA%\Kite Session Manager\logs} (Windows).
 *
 * <p>{@code -Dkite.session.logLevel=FINE} (any java.util.logging level) logs more; INFO by default.
 */
public final class AppLogs {
    /** The window's files: {@code kite-session.0.log} (newest) to {@code kite-session.4.log}. */
    public static final String WINDOW = "kite-session";
    /** The command line's files, apart from the window's so the two never wait for each other. */
    public static final String COMMAND_LINE = "kite-session-cli";
    static final int LIMIT_BYTES = 1_000_000;
    static final int FILES = 5;

    private static Path folder;
    private static String name;
    private static FileHandler handler;
    private static final List<Handler> mutedConsoles = new ArrayList<>();

    private AppLogs() {}

    /** {@link #install(Path, String)} for the window's files. */
    public static Path install(Path folder) throws IOException {
        return install(folder, WINDOW);
    }

    /**
     * Sends every log record of this JVM to rotated files {@code NAME.N.log} in {@code folder}
     * (created owner-only), redacted, and nowhere else. Calling it again with the same folder
     * and name changes nothing; with another, moves the logs there.
     *
     * <p>The console is silenced first, so even when the folder cannot be created (and this
     * throws) nothing is logged to stdout/stderr.
     *
     * @return the folder, absolute
     */
    public static Path install(Path folder, String name) throws IOException {
        return install(folder, name, LIMIT_BYTES);
    }

    static synchronized Path install(Path folder, String name, int limitBytes) throws IOException {
        Path target = folder.toAbsolutePath().normalize();
        Logger root = Logger.getLogger("");
        muteConsole(root);
        if (handler != null && target.equals(AppLogs.folder) && name.equals(AppLogs.name)) return target;
        AtomicFiles.createPrivateDirectories(target);
        ownerOnly(target, "rwx------");
        // FileHandler's pattern treats '%' as its own escape and '/' as the separator.
        String pattern = target.toString().replace("%", "%%") + "/" + name + ".%g.log";
        FileHandler files = new FileHandler(pattern, limitBytes, FILES, true);
        files.setEncoding("UTF-8");
        files.setFormatter(new RedactingFormatter());
        files.setLevel(Level.ALL);
        if (handler != null) {
            root.removeHandler(handler);
            handler.close();
        }
        root.addHandler(files);
        root.setLevel(configuredLevel());
        handler = files;
        AppLogs.folder = target;
        AppLogs.name = name;
        keepFilesPrivate(target, name);
        return target;
    }

    /**
     * The folder the logs go to (for "Open logs folder"): the installed one, or where
     * {@link #install} would put them by default.
     */
    public static synchronized Path folder() {
        return folder != null ? folder : defaultFolder();
    }

    /** The OS's usual log folder for this app (see the class comment). */
    public static Path defaultFolder() {
        return defaultFolder(System.getProperty("kite.session.home"), System.getProperty("os.name", ""), System.getenv(),
                Path.of(System.getProperty("user.home")));
    }

    static Path defaultFolder(String homeOverride, String osName, Map<String, String> env, Path userHome) {
        if (homeOverride != null && !homeOverride.isBlank()) return Path.of(homeOverride).resolve("logs");
        String os = osName.toLowerCase();
        if (os.contains("win")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local != null && !local.isBlank() ? Path.of(local) : userHome.resolve("AppData").resolve("Local");
            return base.resolve(AppInfo.NAME).resolve("logs");
        }
        if (os.contains("mac")) return userHome.resolve("Library").resolve("Logs").resolve(AppInfo.NAME);
        // XDG: a relative $XDG_STATE_HOME is invalid and must be ignored.
        String state = env.get("XDG_STATE_HOME");
        Path base = state != null && !state.isBlank() && Path.of(state).isAbsolute()
                ? Path.of(state) : userHome.resolve(".local").resolve("state");
        return base.resolve("kite-session").resolve("logs");
    }

    /** One line for the start of a run: what runs, which version, on what. No secrets, no paths of the person's. */
    public static String startLine(String what) {
        return AppInfo.NAME + " " + AppInfo.version() + " starting (" + what + ") on "
                + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch")
                + ", Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
    }

    /** Stops logging to files and gives the console back its handlers (tests). */
    static synchronized void uninstall() {
        Logger root = Logger.getLogger("");
        if (handler != null) {
            root.removeHandler(handler);
            handler.close();
        }
        for (Handler console : mutedConsoles) root.addHandler(console);
        mutedConsoles.clear();
        handler = null;
        folder = null;
        name = null;
    }

    private static void muteConsole(Logger root) {
        for (Handler h : root.getHandlers()) {
            if (h instanceof ConsoleHandler) {
                root.removeHandler(h);
                mutedConsoles.add(h);
            }
        }
    }

    private static Level configuredLevel() {
        String level = System.getProperty("kite.session.logLevel");
        try {
            return level == null || level.isBlank() ? Level.INFO : Level.parse(level.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            return Level.INFO;
        }
    }

    /** FileHandler creates files with the default umask; the folder is private already, the files follow. */
    private static void keepFilesPrivate(Path folder, String name) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, name + ".*")) {
            for (Path file : files) ownerOnly(file, "rw-------");
        } catch (IOException e) {
            // The folder is owner-only; the files' own bits are a second fence.
        }
    }

    private static void ownerOnly(Path path, String permissions) {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("posix")) return;
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (IOException | UnsupportedOperationException e) {
            // Not ours to change (a shared folder): leave it.
        }
    }
}
