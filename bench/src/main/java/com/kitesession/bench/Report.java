package com.kitesession.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The result as JSON (everything, for programs) and as a short Markdown table (for the README). */
final class Report {
    /** Targets of issue 6, on the 2-core machine, for the median. */
    static final double COLD_START_TARGET_MS = 1500;
    static final double CLICK_TO_TOKEN_TARGET_MS = 1000;
    static final double EXCHANGE_OVERHEAD_TARGET_US = 5000;
    static final double RSS_TARGET_MB = 250;

    private Report() {}

    static JsonObject statsJson(Stats s) {
        JsonObject o = new JsonObject();
        o.addProperty("n", s.n());
        o.addProperty("median", round(s.median()));
        o.addProperty("p25", round(s.p25()));
        o.addProperty("p75", round(s.p75()));
        o.addProperty("min", round(s.min()));
        o.addProperty("max", round(s.max()));
        return o;
    }

    static JsonObject targets() {
        JsonObject t = new JsonObject();
        t.addProperty("coldStartMs", COLD_START_TARGET_MS);
        t.addProperty("clickToTokenMs", CLICK_TO_TOKEN_TARGET_MS);
        t.addProperty("exchangeOverheadUs", EXCHANGE_OVERHEAD_TARGET_US);
        t.addProperty("rssPeakMb", RSS_TARGET_MB);
        return t;
    }

    static void write(JsonObject result, Path json, Path markdown) throws IOException {
        Files.createDirectories(json.toAbsolutePath().getParent());
        Files.writeString(json, new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create()
                .toJson(result) + "\n", StandardCharsets.UTF_8);
        Files.writeString(markdown, markdown(result), StandardCharsets.UTF_8);
    }

    static String markdown(JsonObject r) {
        StringBuilder md = new StringBuilder();
        JsonObject machine = r.getAsJsonObject("machine");
        JsonObject settings = r.getAsJsonObject("settings");
        JsonObject configs = r.getAsJsonObject("configs").deepCopy();
        List<String> apps = configs.keySet().stream().toList();
        // The peer is one more column of the table; the app's rows are empty there and the other way round.
        if (r.has("peer")) configs.add(PeerReport.COLUMN, r.getAsJsonObject("peer"));
        List<String> names = configs.keySet().stream().toList();

        md.append("Measured by `bench/run` on ").append(str(r, "when")).append(" (commit ").append(str(r, "gitCommit"))
                .append("): ").append(str(machine, "cpu")).append(", ").append(str(machine, "cores")).append(" cores, ")
                .append(str(machine, "ramGb")).append(" GB RAM, ").append(str(machine, "os")).append(", ")
                .append(str(machine, "jdk")).append(", JavaFX ").append(str(machine, "javafx")).append(", ")
                .append(str(machine, "display")).append("; load average ").append(str(machine, "loadAverageBefore"))
                .append(" before, ").append(str(machine, "loadAverageAfter")).append(" after (the cores are shared).\n");
        md.append("Median of ").append(str(settings, "runs")).append(" runs after ").append(str(settings, "warmup"))
                .append(" warm-up, each in a fresh JVM with a fresh settings folder (the demo profile, one-click autofill);")
                .append(" [25th–75th percentile], min–max.\n\n");

        for (String name : names) {
            JsonObject c = configs.getAsJsonObject(name);
            JsonArray opts = c.getAsJsonArray("jvmOptions");
            StringBuilder o = new StringBuilder();
            if (opts != null) opts.forEach(e -> o.append(o.length() == 0 ? "" : " ").append(e.getAsString()));
            md.append("- `").append(name).append("`: ").append(str(c, "description"))
                    .append(o.length() == 0 ? "" : "; JVM options `" + o.toString().replaceAll("-Djpackage\\.app-version=\\S+ ?", "") + "`")
                    .append('\n');
        }
        md.append('\n');
        md.append("| | target |");
        for (String name : names) md.append(' ').append(configLabel(configs, name)).append(" |");
        md.append("\n|---|---|");
        md.append("---|".repeat(names.size())).append('\n');
        row(md, configs, names, "coldStartMs", "Cold start to interactive", "< 1.5 s", COLD_START_TARGET_MS);
        row(md, configs, names, "clickToTokenMs", "Click-to-token (one-click autofill)", "< 1.0 s", CLICK_TO_TOKEN_TARGET_MS);
        row(md, configs, names, "rssPeakMb", "Peak RSS, start and one login", "< 250 MB", RSS_TARGET_MB);
        if (r.has("peer")) PeerReport.rows(md, configs, names, apps);
        row(md, configs, names, "heapAfterGcMb", "Java heap after the login (after GC)", "", Double.NaN);
        row(md, configs, names, "coldStartCpuMs", "CPU time to interactive (all threads)", "", Double.NaN);
        row(md, configs, names, "loadAverage1", "Load average (1 min) at each launch", "", Double.NaN);

        JsonObject ex = r.getAsJsonObject("exchange");
        if (ex != null && ex.has("overheadAsInAppPaired")) {
            double overheadUs = median(ex, "overheadAsInAppPaired");
            md.append("| Exchange overhead over a bare OkHttp round trip | < 5 ms | ")
                    .append(String.format(Locale.ROOT, "**%.3f ms** %s (KiteClient as in the app %.3f ms, bare OkHttp %.3f ms;"
                            + " %s calls each, one kept-alive connection)", overheadUs / 1000, mark(overheadUs, EXCHANGE_OVERHEAD_TARGET_US),
                            median(ex, "kiteClientAsInApp") / 1000, median(ex, "bareOkHttp") / 1000, str(ex, "iterations")));
            md.append(" |".repeat(Math.max(1, names.size()))).append('\n');
        }

        if (r.has("peer")) PeerReport.steps(md, r.getAsJsonObject("peer"));
        if (r.has("scaling")) ScalingReport.append(md, r.getAsJsonObject("scaling"));
        if (apps.isEmpty()) return md.toString(); // --configs none
        md.append("\nWhere the app's time goes (median ms):\n\n| step |");
        names = apps;
        for (String name : names) md.append(' ').append(configLabel(configs, name)).append(" |");
        md.append("\n|---|").append("---|".repeat(names.size())).append('\n');
        for (Metrics.Metric m : Metrics.ALL) {
            if (m.group().equals(Metrics.MEMORY) || m.key().equals("coldStartMs") || m.key().equals("clickToTokenMs")
                    || m.key().equals("toTokenMs")
                    || !measuredInAny(configs, names, m.key())) {
                continue;
            }
            md.append("| ").append(m.group()).append(": ").append(m.label()).append(" |");
            for (String name : names) {
                JsonObject s = summary(configs, name, m.key());
                md.append(' ').append(s == null ? "–" : fmt(s.get("median").getAsDouble())).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String configLabel(JsonObject configs, String name) {
        JsonObject c = configs.getAsJsonObject(name);
        return "`" + name + "`";
    }

    static void row(StringBuilder md, JsonObject configs, List<String> names, String key, String label, String target,
            double targetValue) {
        md.append("| ").append(label).append(" | ").append(target).append(" |");
        for (String name : names) {
            JsonObject s = summary(configs, name, key);
            if (s == null) {
                md.append(" – |");
                continue;
            }
            double median = s.get("median").getAsDouble();
            String unit = key.endsWith("Mb") ? " MB" : key.endsWith("Ms") ? " ms" : "";
            md.append(" **").append(fmt(median)).append(unit).append("** ");
            if (!Double.isNaN(targetValue)) md.append(mark(median, targetValue)).append(' ');
            md.append('[').append(fmt(s.get("p25").getAsDouble())).append('–').append(fmt(s.get("p75").getAsDouble()))
                    .append("], ").append(fmt(s.get("min").getAsDouble())).append('–').append(fmt(s.get("max").getAsDouble()))
                    .append(" |");
        }
        md.append('\n');
    }

    private static String mark(double value, double target) {
        return value < target ? "✔" : "✘";
    }

    /** False for a step no run had (the classic login's 2FA page load, with the single-page login). */
    private static boolean measuredInAny(JsonObject configs, List<String> names, String key) {
        return names.stream().map(name -> summary(configs, name, key)).anyMatch(s -> s != null && s.get("n").getAsInt() > 0);
    }

    static JsonObject summary(JsonObject configs, String name, String key) {
        JsonObject c = configs.getAsJsonObject(name);
        if (c == null || !c.has("summary")) return null;
        JsonObject s = c.getAsJsonObject("summary");
        return s.has(key) ? s.getAsJsonObject(key) : null;
    }

    private static double median(JsonObject o, String key) {
        return o.getAsJsonObject(key).get("median").getAsDouble();
    }

    private static String str(JsonObject o, String key) {
        JsonElement e = o == null ? null : o.get(key);
        return e == null || e.isJsonNull() ? "" : e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) return "–";
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 1000) / 1000.0;
    }
}
