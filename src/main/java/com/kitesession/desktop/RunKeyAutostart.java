package com.kitesession.desktop;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Windows: the value {@code KiteSessionManager} under the current user's Run key, set and removed
 * with {@code reg.exe} (a Startup-folder shortcut would be a binary .lnk). The command lines are
 * built here exactly; tests compare them and never run them.
 */
final class RunKeyAutostart implements Autostart {
    static final String KEY = "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run";
    static final String VALUE = "KiteSessionManager";

    /** Runs a command line and gives its exit code. */
    @FunctionalInterface
    interface Reg {
        int run(List<String> command) throws IOException;
    }

    static final Reg SYSTEM_REG = command -> {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("reg.exe did not answer within 20 seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reg.exe ran", e);
        }
        return process.exitValue();
    };

    private final Launcher launcher;
    private final Reg reg;

    RunKeyAutostart(Launcher launcher, Reg reg) {
        this.launcher = launcher;
        this.reg = reg;
    }

    @Override
    public boolean isOn() throws IOException {
        return reg.run(query()) == 0;
    }

    @Override
    public void set(boolean on) throws IOException {
        int exit;
        try {
            exit = reg.run(on ? add() : delete());
        } catch (IOException e) {
            exit = -1;
        }
        if (exit != 0 && (on || isOn())) {
            throw new IOException("Windows did not " + (on ? "add " : "remove ") + "the value " + VALUE + " under " + KEY
                    + " (reg.exe ended with " + exit + "). Open Task Manager > Startup apps to "
                    + (on ? "check that startup programs are allowed" : "turn Kite Session Manager off there") + ".");
        }
    }

    @Override
    public String where() {
        return KEY + "\\" + VALUE;
    }

    /** The value's data: the launcher and the jar quoted (they may hold spaces), options as they are. */
    String data() {
        return launcher.minimised().stream().map(arg -> arg.startsWith("-") ? arg : "\"" + arg + "\"")
                .collect(Collectors.joining(" "));
    }

    List<String> add() {
        // Already quoted, inner quotes escaped: Java passes a quoted argument to reg.exe as it is.
        return List.of("reg", "add", KEY, "/v", VALUE, "/t", "REG_SZ", "/d", "\"" + data().replace("\"", "\\\"") + "\"", "/f");
    }

    List<String> delete() {
        return List.of("reg", "delete", KEY, "/v", VALUE, "/f");
    }

    List<String> query() {
        return List.of("reg", "query", KEY, "/v", VALUE);
    }

    /** A command as one line, as typed at a command prompt. */
    static String line(List<String> command) {
        return String.join(" ", command);
    }
}
