package com.kitesession.bench;

import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The numbers of one scaling run: its marks, its CPU readings and the requests the proxy saw. */
final class ScalingMetrics {
    /** The keys and words of the scaling table, in order; "%" and "/s" say the unit. */
    static final List<String[]> ROWS = List.of(
            new String[] {"coldStartMs", "Cold start to interactive (every profile listed), ms"},
            new String[] {"unlockMs", "of which: passphrase typed to window shown (key derivation, profiles read), ms"},
            new String[] {"idleShownCpuPct", "Idle CPU, window shown, % of one core"},
            new String[] {"idleHiddenCpuPct", "Idle CPU, window minimised, % of one core"},
            new String[] {"shownPulsesPerSecond", "JavaFX pulses per second, window shown"},
            new String[] {"hiddenPulsesPerSecond", "JavaFX pulses per second, window minimised"},
            new String[] {"iconified", "window reported minimised (1 = yes)"},
            new String[] {"startRequests", "Requests to Kite at start (process start to the idle phases)"},
            new String[] {"requestsPerMinute", "Requests to Kite per minute, idle, after that (liveness every %d min)"},
            new String[] {"livenessRequests", "GET /user/profile (liveness checks) in the whole run"},
            new String[] {"peakRequestsPerSecond", "Most requests in any one second (Kite allows 10)"},
            new String[] {"tooManyRequests", "Answers 429 Too many requests"},
            new String[] {"pssTreePeakMb", "Peak PSS of the process tree, MB"},
            new String[] {"rssPeakMb", "Peak RSS (VmHWM), MB"});

    private ScalingMetrics() {}

    static Map<String, Double> of(JsonObject child, List<CountingProxy.Seen> seen) {
        Metrics.Marks m = new Metrics.Marks(child.getAsJsonArray("marks"), child.get("launchNanos").getAsLong());
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("coldStartMs", m.between("launch", "ui.interactive"));
        out.put("unlockMs", m.between("bench.unlock", "app.stage-shown"));
        out.put("idleShownCpuPct", cpuPercent(child, "shownCpuNs", m.between("idle.shown.start", "idle.shown.end")));
        out.put("idleHiddenCpuPct", cpuPercent(child, "hiddenCpuNs", m.between("idle.hidden.start", "idle.hidden.end")));
        out.put("shownPulsesPerSecond", perSecond(child, "shownPulses", m.between("idle.shown.start", "idle.shown.end")));
        out.put("hiddenPulsesPerSecond", perSecond(child, "hiddenPulses", m.between("idle.hidden.start", "idle.hidden.end")));
        out.put("iconified", child.has("iconified") && child.get("iconified").getAsBoolean() ? 1.0 : 0.0);

        // The start check (every live session, once the list is read) runs into the settling time
        // after interactive; the idle phases from there to the end of the run hold the periodic rounds.
        long launch = m.at("launch", 0);
        long idleStart = m.at("idle.shown.start", 0);
        long end = m.at("bench.end", 0);
        out.put("startRequests", (double) seen.stream().filter(s -> s.nanos() >= launch && s.nanos() < idleStart).count());
        long idle = seen.stream().filter(s -> s.nanos() >= idleStart && s.nanos() <= end).count();
        out.put("requestsPerMinute", idle / ((end - idleStart) / 60e9));
        out.put("livenessRequests", (double) seen.stream().filter(s -> s.path().equals("/user/profile")).count());
        out.put("peakRequestsPerSecond", (double) peakInOneSecond(seen));
        out.put("tooManyRequests", (double) seen.stream().filter(s -> s.status() == 429).count());
        out.put("pssTreePeakMb", child.get("pssTreePeakKb").getAsLong() / 1024.0);
        out.put("rssPeakMb", child.get("rssPeakKb").getAsLong() / 1024.0);
        return out;
    }

    private static double perSecond(JsonObject child, String key, double wallMs) {
        return child.get(key).getAsLong() / (wallMs / 1000);
    }

    private static double cpuPercent(JsonObject child, String key, double wallMs) {
        return child.get(key).getAsLong() / 1e6 / wallMs * 100;
    }

    /** The most requests whose arrival falls in any one-second window (sliding, not clock seconds). */
    static int peakInOneSecond(List<CountingProxy.Seen> seen) {
        long[] t = seen.stream().mapToLong(CountingProxy.Seen::nanos).sorted().toArray();
        int peak = 0;
        int from = 0;
        for (int to = 0; to < t.length; to++) {
            while (t[to] - t[from] >= TimeUnit.SECONDS.toNanos(1)) from++;
            peak = Math.max(peak, to - from + 1);
        }
        return peak;
    }
}
