package com.kitesession.desktop;

import java.awt.AWTException;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A notification from the operating system, for when the window is hidden and an in-window one
 * would go unseen: {@code notify-send} on Linux desktops, {@code osascript} on macOS, the system
 * tray on Windows. Where none is offered, {@link #NONE} does nothing and the in-window
 * notification is all there is. Commands run without a shell, so no text is ever interpreted.
 */
public interface OsNotifier {
    /** Shows the notification; never throws, never blocks for long (call it off the FX thread). */
    void notify(String title, String text);

    /** What the person sees in settings and logs, e.g. "notify-send". */
    String describe();

    /** True where the notification is a tray icon's balloon: the app's own icon says it better, when there. */
    default boolean viaTray() {
        return false;
    }

    OsNotifier NONE = new OsNotifier() {
        @Override
        public void notify(String title, String text) {
        }

        @Override
        public String describe() {
            return "none (this desktop offers no notification service)";
        }
    };

    /** The notifier for this machine. */
    static OsNotifier forThisMachine() {
        return choose(System.getProperty("os.name", ""), OsNotifier::onPath, OsNotifier::run);
    }

    /** Chooses by OS name and what is installed; {@code runner} runs a command (tests record it). */
    static OsNotifier choose(String osName, Function<String, Optional<Path>> which, CommandRunner runner) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            return which.apply("osascript").<OsNotifier>map(path -> new CommandNotifier("osascript", runner,
                    (title, text) -> List.of(path.toString(), "-e", "display notification " + appleScriptString(text)
                            + " with title " + appleScriptString(title)))).orElse(NONE);
        }
        if (os.contains("win")) {
            return new TrayNotifier();
        }
        return which.apply("notify-send").<OsNotifier>map(path -> new CommandNotifier("notify-send", runner,
                (title, text) -> List.of(path.toString(), "--app-name=Kite Session Manager", "--urgency=normal", "--",
                        title, text))).orElse(NONE);
    }

    /** An AppleScript string literal: quotes and backslashes escaped, line breaks kept as spaces. */
    static String appleScriptString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\r\\n]+", " ") + "\"";
    }

    @FunctionalInterface
    interface CommandRunner {
        void run(List<String> command) throws IOException, InterruptedException;
    }

    /** The first executable {@code name} on PATH. */
    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isBlank()) continue;
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
    }

    /** A notification by running a command with the title and text as separate arguments. */
    final class CommandNotifier implements OsNotifier {
        private final String name;
        private final CommandRunner runner;
        private final BiFunction<String, String, List<String>> command;

        CommandNotifier(String name, CommandRunner runner, BiFunction<String, String, List<String>> command) {
            this.name = name;
            this.runner = runner;
            this.command = command;
        }

        @Override
        public void notify(String title, String text) {
            try {
                runner.run(command.apply(title, text));
            } catch (IOException e) {
                // No notification service after all: the in-window notification still shows.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public String describe() {
            return name;
        }
    }

    /** Windows: a balloon from a tray icon added for the moment (AWT's SystemTray). */
    final class TrayNotifier implements OsNotifier {
        @Override
        public void notify(String title, String text) {
            try {
                if (GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) return;
                SystemTray tray = SystemTray.getSystemTray();
                BufferedImage image = new BufferedImage(16, 16,
                        BufferedImage.TYPE_INT_ARGB);
                TrayIcon icon = new TrayIcon(image, "Kite Session Manager");
                tray.add(icon);
                icon.displayMessage(title, text, TrayIcon.MessageType.INFO);
                // The balloon outlives a short wait; the icon should not stay in the tray for ever.
                new Timer(true).schedule(new TimerTask() {
                    @Override
                    public void run() {
                        tray.remove(icon);
                    }
                }, 30_000);
            } catch (AWTException | RuntimeException e) {
                // No tray: the in-window notification still shows.
            }
        }

        @Override
        public String describe() {
            return "the system tray";
        }

        @Override
        public boolean viaTray() {
            return true;
        }
    }
}
