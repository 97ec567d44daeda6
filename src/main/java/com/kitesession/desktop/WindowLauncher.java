package com.kitesession.desktop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Starts the app's window as a process of its own, the way this copy was started: the installed
 * launcher ({@code jpackage.app-path}), else the same Java with the same class path and the app's
 * own settings ({@code -Dkite.*} and the JavaFX ones). The window outlives the command that
 * started it: on Linux it gets a session of its own ({@code setsid}), so the terminal's Ctrl-C
 * stops only the command. Its output is dropped: the window writes its own log files.
 */
public interface WindowLauncher {
    /** Starts the window with {@code windowArgs} and does not wait for it. */
    void start(List<String> windowArgs) throws IOException;

    /** The window of this copy, whose entry point is {@code mainClass}. */
    static WindowLauncher sameAsThisProcess(String mainClass) {
        return windowArgs -> {
            Process process = new ProcessBuilder(command(mainClass, System.getProperties(), windowArgs))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
        };
    }

    /** The command line that starts the window; only settings and arguments, never a secret. */
    static List<String> command(String mainClass, Properties properties, List<String> windowArgs) {
        List<String> command = new ArrayList<>();
        Path setsid = Path.of("/usr/bin/setsid");
        if (properties.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux") && Files.isExecutable(setsid)) {
            command.add(setsid.toString());
        }
        String launcher = properties.getProperty("jpackage.app-path");
        if (launcher != null && !launcher.isBlank()) {
            command.add(launcher);
        } else {
            boolean windows = properties.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
            command.add(Path.of(properties.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString());
            for (String name : properties.stringPropertyNames().stream().sorted().toList()) {
                if (passedOn(name)) command.add("-D" + name + "=" + properties.getProperty(name));
            }
            command.add("-cp");
            command.add(properties.getProperty("java.class.path"));
            command.add(mainClass);
        }
        command.addAll(windowArgs);
        return command;
    }

    /** The app's own settings (the store's folder, the secret store) and how JavaFX draws. */
    private static boolean passedOn(String property) {
        return property.startsWith("kite.") || property.startsWith("prism.") || property.startsWith("glass.")
                || property.startsWith("monocle.") || property.equals("java.awt.headless");
    }
}
