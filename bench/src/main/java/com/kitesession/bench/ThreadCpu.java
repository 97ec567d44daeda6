package com.kitesession.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a process's CPU time goes, by thread name: {@code utime + stime} of
 * {@code /proc/self/task/TID/stat}, in clock ticks (USER_HZ, 100 a second on Linux), summed per
 * name. Read at both ends of an idle phase, it says which threads keep the process busy. Linux
 * only: elsewhere it reads nothing.
 */
final class ThreadCpu {
    private static final double MS_PER_TICK = 10;

    private ThreadCpu() {}

    static Map<String, Long> now() {
        Map<String, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // "tid (name) state ..." : the name may hold spaces and parentheses, so read after the last ')'.
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
                    long used = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    ticks.merge(Files.readString(task.resolve("comm")).strip(), used, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended between the listing and the read
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return ticks;
    }

    /** The {@code n} busiest thread names between two readings, as "% of one core" over {@code wallMs}. */
    static String top(Map<String, Long> before, Map<String, Long> after, double wallMs, int n) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(n)
                .map(e -> String.format(Locale.ROOT, "%s %.2f %%", e.getKey(), e.getValue() * MS_PER_TICK / wallMs * 100))
                .collect(Collectors.joining(", "));
    }
}
