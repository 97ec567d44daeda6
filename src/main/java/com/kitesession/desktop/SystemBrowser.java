package com.kitesession.desktop;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Opens an address in the person's browser without JavaFX (the command line's): {@code $BROWSER}
 * when set, else {@code xdg-open} on Linux inside a desktop session, {@code open} on macOS,
 * {@code rundll32 url.dll,FileProtocolHandler} on Windows. Never through a shell: the address is
 * one argument of its own. Where no browser can open (a server over SSH) nothing is tried.
 */
public final class SystemBrowser {
    private static final Logger LOG = Logger.getLogger(SystemBrowser.class.getName());

    /** What came of it, said for the person: {@code started} when a browser program was started. */
    public record Attempt(boolean started, String words) {}

    private final Map<String, String> env;
    private final String osName;

    public SystemBrowser(Map<String, String> env, String osName) {
        this.env = Map.copyOf(env);
        this.osName = osName == null ? "" : osName;
    }

    /** Starts the browser on {@code url} and does not wait for it; a failure is said, never thrown. */
    public Attempt open(String url) {
        Optional<List<String>> command = command(env, osName, url);
        if (command.isEmpty()) {
            return new Attempt(false, "No browser can open here (no desktop session).");
        }
        String program = command.get().get(0);
        try {
            Process process = new ProcessBuilder(command.get())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
            LOG.info(() -> "Asked " + program + " to open the Kite login page");
            return new Attempt(true, "Opening it in your browser (" + program + ").");
        } catch (IOException | RuntimeException e) {
            // The message names the program, never the address.
            LOG.warning(() -> "Could not start " + program + ": " + e.getClass().getSimpleName());
            return new Attempt(false, "The browser could not be started (" + program + ": " + e.getClass().getSimpleName()
                    + ").");
        }
    }

    /**
     * The program and arguments that open {@code url}; empty where no browser can open. A
     * {@code $BROWSER} list ({@code firefox:chromium}) gives its first entry; its {@code %s} is
     * replaced by the address, else the address is added at the end.
     */
    static Optional<List<String>> command(Map<String, String> env, String osName, String url) {
        String browser = env.get("BROWSER");
        if (browser != null && !browser.isBlank()) {
            for (String entry : browser.split(File.pathSeparator)) {
                if (entry.isBlank()) continue;
                List<String> command = new ArrayList<>();
                boolean placed = false;
                for (String word : entry.strip().split("\\s+")) {
                    placed |= word.contains("%s");
                    command.add(word.replace("%s", url));
                }
                if (!placed) command.add(url);
                return Optional.of(command);
            }
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) return Optional.of(List.of("rundll32", "url.dll,FileProtocolHandler", url));
        if (os.contains("mac")) return Optional.of(List.of("open", url));
        if (DesktopDisplay.available(env, osName)) return Optional.of(List.of("xdg-open", url));
        return Optional.empty();
    }
}
