package com.kitesession.bench;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;

/** The scaling table of the Markdown: one column per number of profiles, median [min–max] of the runs. */
final class ScalingReport {
    private ScalingReport() {}

    static void append(StringBuilder md, JsonObject scaling) {
        List<String> counts = scaling.keySet().stream().filter(k -> k.chars().allMatch(Character::isDigit)).toList();
        if (counts.isEmpty()) return;
        JsonObject first = scaling.getAsJsonObject(counts.get(0));
        long idleSeconds = scaling.get("idleMs").getAsLong() / 1000;
        int liveness = scaling.get("livenessMinutes").getAsInt();
        md.append("\nScaling with the work (`").append(scaling.get("configuration").getAsString())
                .append("`; each profile with a live session against the simulator, secrets in the passphrase-encrypted file;")
                .append(" idle ").append(idleSeconds).append(" s shown, then ").append(idleSeconds)
                .append(" s minimised, after ").append(scaling.get("settleMs").getAsLong() / 1000)
                .append(" s to settle after interactive; window manager: ").append(scaling.get("windowManager").getAsString())
                .append("; median of ").append(first.getAsJsonArray("runs").size()).append(" runs [min–max]):\n\n| |");
        counts.forEach(c -> md.append(' ').append(c).append(c.equals("1") ? " profile |" : " profiles |"));
        md.append("\n|---|").append("---|".repeat(counts.size())).append('\n');
        for (String[] row : ScalingMetrics.ROWS) {
            md.append("| ").append(row[1].replace("%d", Integer.toString(liveness))).append(" |");
            for (String c : counts) {
                JsonObject summary = scaling.getAsJsonObject(c).getAsJsonObject("summary");
                JsonObject s = summary.has(row[0]) ? summary.getAsJsonObject(row[0]) : null;
                if (s == null || s.get("n").getAsInt() == 0) {
                    md.append(" – |");
                    continue;
                }
                md.append(" **").append(number(s.get("median").getAsDouble(), row[0])).append("** [")
                        .append(number(s.get("min").getAsDouble(), row[0])).append('–')
                        .append(number(s.get("max").getAsDouble(), row[0])).append("] |");
            }
            md.append('\n');
        }
        md.append("\nThe busiest threads while idle (first run; % of one core):\n\n");
        for (String c : counts) {
            JsonObject run = scaling.getAsJsonObject(c).getAsJsonArray("runs").get(0).getAsJsonObject();
            if (!run.has("notes")) continue;
            JsonObject notes = run.getAsJsonObject("notes");
            md.append("- ").append(c).append(c.equals("1") ? " profile" : " profiles").append(", shown: ")
                    .append(notes.get("busiestThreadsShown").getAsString()).append("; minimised: ")
                    .append(notes.get("busiestThreadsMinimised").getAsString()).append('\n');
        }
    }

    private static String number(double v, String key) {
        return key.endsWith("Pct") ? String.format(Locale.ROOT, "%.2f", v) : Report.fmt(v);
    }
}
