package com.kitesession.bench;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The machine a result was measured on: CPU, cores, memory, OS, JDK, display, load. */
final class Machine {
    private Machine() {}

    static JsonObject describe(String display) {
        JsonObject m = new JsonObject();
        m.addProperty("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name", System.getProperty("os.arch")));
        m.addProperty("cores", Runtime.getRuntime().availableProcessors());
        String memKb = firstValue(Path.of("/proc/meminfo"), "MemTotal", "");
        m.addProperty("ramGb", memKb.isEmpty() ? "?" : String.format(Locale.ROOT, "%.1f",
                Long.parseLong(memKb.replace("kB", "").strip()) / 1024.0 / 1024.0));
        m.addProperty("os", osName() + " (" + System.getProperty("os.name") + " " + System.getProperty("os.version") + ", "
                + System.getProperty("os.arch") + ")");
        m.addProperty("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + ")");
        m.addProperty("display", display);
        m.addProperty("loadAverageBefore", loadAverage());
        return m;
    }

    /** The 1-, 5- and 15-minute load averages: the other users of the shared cores. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String osName() {
        String pretty = firstValue(Path.of("/etc/os-release"), "PRETTY_NAME", System.getProperty("os.name"));
        return pretty.replace("\"", "").replace("=", "").strip();
    }

    /** The value after the first "key:" or "key=" line of a text file; {@code otherwise} when there is none. */
    private static String firstValue(Path file, String key, String otherwise) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                if (line.startsWith(key)) {
                    String rest = line.substring(key.length()).strip();
                    if (rest.startsWith(":") || rest.startsWith("=")) return rest.substring(1).strip();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return otherwise;
    }
}
