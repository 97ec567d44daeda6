package com.kitesession.desktop;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Light or dark, as the desktop is set. JavaFX 21 does not say (its platform preferences came in
 * 22), so it is asked the way each OS answers: GNOME's {@code color-scheme} (or a dark GTK theme)
 * on Linux, {@code AppleInterfaceStyle} on macOS, {@code AppsUseLightTheme} on Windows.
 */
public enum ColorScheme {
    LIGHT, DARK;

    /** This desktop's scheme; light when it cannot tell. Runs commands: call it off the FX thread. */
    public static ColorScheme ofThisDesktop() {
        return detect(System.getProperty("os.name", ""), System.getenv(), ColorScheme::run).orElse(LIGHT);
    }

    /** {@code run} runs a command and returns its output, or empty when it fails. */
    static Optional<ColorScheme> detect(String osName, Map<String, String> env,
            Function<List<String>, Optional<String>> run) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            // The key exists only in dark mode; reading it fails in light mode.
            return Optional.of(run.apply(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
                    .filter(out -> out.strip().equalsIgnoreCase("dark")).map(out -> DARK).orElse(LIGHT));
        }
        if (os.contains("win")) {
            return run.apply(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme")).flatMap(out -> out.contains("0x0") ? Optional.of(DARK)
                            : out.contains("0x1") ? Optional.of(LIGHT) : Optional.empty());
        }
        String gtkTheme = env.getOrDefault("GTK_THEME", "").toLowerCase(Locale.ROOT);
        if (gtkTheme.contains(":dark") || gtkTheme.endsWith("-dark")) return Optional.of(DARK);
        Optional<String> scheme = run.apply(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
        if (scheme.isPresent() && scheme.get().contains("prefer-dark")) return Optional.of(DARK);
        if (scheme.isPresent() && scheme.get().contains("prefer-light")) return Optional.of(LIGHT);
        return run.apply(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"))
                .map(theme -> theme.toLowerCase(Locale.ROOT).contains("dark") ? DARK : LIGHT);
    }

    private static Optional<String> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (InputStream out = process.getInputStream()) {
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return Optional.empty();
                }
                String text = new String(out.readAllBytes(), StandardCharsets.UTF_8);
                return process.exitValue() == 0 ? Optional.of(text) : Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty(); // the command is not installed here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
