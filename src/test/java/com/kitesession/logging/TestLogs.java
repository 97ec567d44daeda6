package com.kitesession.logging;

import java.io.IOException;
import java.nio.file.Path;

/** The real log files for tests outside this package: install into a temp folder, then undo it all. */
public final class TestLogs {
    private TestLogs() {}

    /** Installs the command line's files in {@code folder}; returns the newest file. */
    public static Path installCommandLine(Path folder) throws IOException {
        return install(folder).resolve(AppLogs.COMMAND_LINE + ".0.log");
    }

    private static Path install(Path folder) throws IOException {
        LogRedactor.clearRegisteredSecrets();
        return AppLogs.install(folder, AppLogs.COMMAND_LINE);
    }

    public static void uninstall() {
        AppLogs.uninstall();
        LogRedactor.clearRegisteredSecrets();
    }
}
