package com.kitesession.cli;

import com.kitesession.desktop.WindowLauncher;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the {@code login} command finds around it: the environment (whether a display or a
 * {@code $BROWSER} is there), the OS, standard input (pasted addresses), the settings folder a
 * running window answers on, and how to start a window. Tests give their own.
 */
public record LoginSurroundings(Map<String, String> env, String osName, InputStream stdin, Path windowFolder,
        WindowLauncher windows) {

    public LoginSurroundings {
        env = Map.copyOf(env);
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(windowFolder, "windowFolder");
        Objects.requireNonNull(windows, "windows");
    }
}
